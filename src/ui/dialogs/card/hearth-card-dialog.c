/* hearth-card-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thank-You Card…: the printable card of one award, drawn by the render library
 * (hearth_card_draw) — the member, the badge, the reason, the day in words, the program and a
 * signature line — previewed on a white page, at A6 or A5, portrait or landscape. Print…
 * hands the same drawing to GtkPrintOperation; Save as PDF… writes it with
 * hearth_card_render_pdf. Also hearth_badge_save_image(), a badge tile as PNG or SVG.
 */

#define G_LOG_DOMAIN "hearth-card-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hearth-card-dialog.h"
#include "hearth-card-dialog-private.h"
#include "hearth-award.h"
#include "hearth-badge.h"
#include "hearth-editor-util.h"
#include "hearth-member.h"
#include "hearth-render.h"
#include "hearth-window.h"

/* The size of a saved badge image, in pixels. */
#define BADGE_IMAGE_SIZE 512

/* Everything on a card, owned, so a print job can keep its own copy. */
typedef struct
{
  char       *member_name;
  char       *badge_name;
  char       *badge_icon;
  char       *badge_color;
  HearthTier  tier;
  char       *reason;
  char       *date_text;
  char       *program_name;
  char       *signature_label;
  HearthCardSize size;
} Card;

static void
card_free (Card *card)
{
  g_free (card->member_name);
  g_free (card->badge_name);
  g_free (card->badge_icon);
  g_free (card->badge_color);
  g_free (card->reason);
  g_free (card->date_text);
  g_free (card->program_name);
  g_free (card->signature_label);
  g_free (card);
}

static Card *
card_copy (const Card *card)
{
  Card *copy = g_new0 (Card, 1);

  copy->member_name = g_strdup (card->member_name);
  copy->badge_name = g_strdup (card->badge_name);
  copy->badge_icon = g_strdup (card->badge_icon);
  copy->badge_color = g_strdup (card->badge_color);
  copy->tier = card->tier;
  copy->reason = g_strdup (card->reason);
  copy->date_text = g_strdup (card->date_text);
  copy->program_name = g_strdup (card->program_name);
  copy->signature_label = g_strdup (card->signature_label);
  copy->size = card->size;

  return copy;
}

static void
card_get_content (const Card        *card,
                  HearthCardContent *content)
{
  content->member_name = card->member_name;
  content->badge_name = card->badge_name;
  content->badge_icon = card->badge_icon;
  content->badge_color = card->badge_color;
  content->tier = card->tier;
  content->reason = card->reason;
  content->date_text = card->date_text;
  content->program_name = card->program_name;
  content->signature_label = card->signature_label;
}

struct _HearthCardDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwActionRow         *date_row;
  GtkDrawingArea       *preview;
  AdwEntryRow          *signature_row;
  AdwComboRow          *size_row;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  /* Owned */
  Card                 *card;
  GtkFileChooserNative *chooser;
  gboolean              printing;
};

G_DEFINE_FINAL_TYPE (HearthCardDialog, hearth_card_dialog, ADW_TYPE_WINDOW)

/* A day as a card says it ("1 March 2024"); the text itself when it is not a day. */
static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) datetime = NULL;
  int year, month, mday;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) != 3)
    return g_strdup (day);

  datetime = g_date_time_new_utc (year, month, mday, 0, 0, 0);
  if (datetime == NULL)
    return g_strdup (day);

  /* Translators: the date on a thank-you card, as in "1 March 2024"; a g_date_time_format()
   * format: %-d is the day without padding, %B the month's name, %Y the year. */
  return g_date_time_format (datetime, _("%-d %B %Y"));
}

/* A name made safe for a file name: letters and digits kept (any script), runs of anything
 * else one dash. */
static char *
sanitize_file_part (const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = name ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_unichar (out, c);
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Drawing ------------------------------------------------------------------------------------ */

static void
draw_card_page (cairo_t    *cr,
                const Card *card,
                double      width,
                double      height)
{
  HearthCardContent content = { 0 };
  double card_width, card_height, scale;

  hearth_card_size_get_points (card->size, &card_width, &card_height);
  scale = MIN (width / card_width, height / card_height);

  cairo_save (cr);
  cairo_translate (cr, (width - card_width * scale) / 2, (height - card_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, card_width, card_height);
  cairo_clip (cr);
  card_get_content (card, &content);
  hearth_card_draw (cr, card_width, card_height, &content);
  cairo_restore (cr);
}

static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  HearthCardDialog *self = HEARTH_CARD_DIALOG (user_data);
  double card_width, card_height, scale, x, y, w, h;
  const double margin = 12;

  if (self->card == NULL || width <= 2 * margin || height <= 2 * margin)
    return;

  hearth_card_size_get_points (self->card->size, &card_width, &card_height);
  scale = MIN ((width - 2 * margin) / card_width, (height - 2 * margin) / card_height);
  w = card_width * scale;
  h = card_height * scale;
  x = (width - w) / 2;
  y = (height - h) / 2;

  /* A soft shadow under the sheet: a few widening, fading outlines. */
  for (int i = 1; i <= 6; i++)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
      cairo_rectangle (cr, x - i + 1, y - i + 3, w + 2 * i - 2, h + 2 * i - 2);
      cairo_fill (cr);
    }

  /* The paper is white in both styles: it is what the printer gives. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  draw_card_page (cr, self->card, w, h);
  cairo_restore (cr);

  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x - 0.5, y - 0.5, w + 1, h + 1);
  cairo_stroke (cr);
}

static void
update_preview (HearthCardDialog *self)
{
  double width, height;

  hearth_card_size_get_points (self->card->size, &width, &height);
  /* Landscape cards are wide and low: less height is enough. */
  gtk_drawing_area_set_content_height (self->preview, width > height ? 280 : 380);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
changed_cb (HearthCardDialog *self)
{
  g_autofree char *signature = NULL;
  guint size;

  if (self->card == NULL)
    return;

  size = adw_combo_row_get_selected (self->size_row);
  self->card->size = size <= HEARTH_CARD_SIZE_A5_LANDSCAPE ? (HearthCardSize) size
                                                            : HEARTH_CARD_SIZE_A6;
  signature = hearth_editor_get_text (GTK_EDITABLE (self->signature_row));
  g_free (self->card->signature_label);
  self->card->signature_label = g_steal_pointer (&signature);
  update_preview (self);
}

/* Printing ----------------------------------------------------------------------------------- */

static void
print_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page_nr,
                    Card              *card)
{
  draw_card_page (gtk_print_context_get_cairo_context (context), card,
                  gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static GtkPageSetup *
page_setup_for (HearthCardSize size)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  gboolean a5 = size == HEARTH_CARD_SIZE_A5 || size == HEARTH_CARD_SIZE_A5_LANDSCAPE;
  gboolean landscape = size == HEARTH_CARD_SIZE_A6_LANDSCAPE ||
                       size == HEARTH_CARD_SIZE_A5_LANDSCAPE;
  g_autoptr(GtkPaperSize) paper = NULL;

  /* Portrait sheets in mm; landscape is the page setup's orientation. */
  paper = a5 ? gtk_paper_size_new_custom ("iso_a5", _("A5"), 148, 210, GTK_UNIT_MM)
             : gtk_paper_size_new_custom ("iso_a6", _("A6"), 105, 148, GTK_UNIT_MM);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);

  return setup;
}

static void
report_print_error (GtkPrintOperation *operation,
                    const GError      *error)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (operation), "hearth-dialog");
  g_autoptr(HearthCardDialog) self = ref ? g_weak_ref_get (ref) : NULL;

  if (error == NULL || g_object_get_data (G_OBJECT (operation), "hearth-reported"))
    return;
  g_object_set_data (G_OBJECT (operation), "hearth-reported", GINT_TO_POINTER (TRUE));

  g_warning ("Could not print a card: %s", error->message);
  if (self != NULL)
    hearth_editor_toast_error (self->toast_overlay, _("Could not print the card"), error);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (operation), "hearth-dialog");
  g_autoptr(HearthCardDialog) self = ref ? g_weak_ref_get (ref) : NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      report_print_error (operation, error);
    }

  if (self != NULL)
    {
      self->printing = FALSE;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.print", TRUE);
    }

  g_object_set_data (G_OBJECT (operation), "hearth-done", GINT_TO_POINTER (TRUE));
  /* The reference taken before running it. */
  g_object_unref (operation);
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HearthCardDialog *self = HEARTH_CARD_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  GWeakRef *ref;

  if (self->card == NULL || self->printing)
    return;

  operation = gtk_print_operation_new ();
  setup = page_setup_for (self->card->size);
  /* Translators: the print job's name; %s is the member's name. */
  job_name = g_strdup_printf (_("Thank-you card for %s"), self->card->member_name);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect_data (operation, "draw-page", G_CALLBACK (print_draw_page_cb),
                         card_copy (self->card), (GClosureNotify) (void (*) (void)) card_free, 0);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), NULL);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  g_object_set_data_full (G_OBJECT (operation), "hearth-dialog", ref, free_weak_ref);

  self->printing = TRUE;
  gtk_widget_action_set_enabled (widget, "card.print", FALSE);

  /* Released in print_done_cb, or below when it is never emitted. */
  g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);

  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS &&
      g_object_get_data (G_OBJECT (operation), "hearth-done") == NULL)
    {
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
        report_print_error (operation, error);
      self->printing = FALSE;
      gtk_widget_action_set_enabled (widget, "card.print", TRUE);
      g_object_unref (operation);
    }
}

/* Saving a PDF ------------------------------------------------------------------------------- */

static void
toast_saved (AdwToastOverlay *overlay,
             GtkWindow       *window,
             const char      *path)
{
  /* Translators: a toast after saving a file; %s is where it went. */
  g_autofree char *text = g_strdup_printf (_("Saved to %s"), path);
  /* Toast titles are markup on libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else if (HEARTH_IS_WINDOW (window))
    hearth_window_add_toast (HEARTH_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
save_pdf_response_cb (GtkNativeDialog  *chooser,
                      int               response,
                      HearthCardDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    return;
  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_suffix = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_suffix;
    }

  if (hearth_card_dialog_save_pdf (self, path, &error))
    toast_saved (self->toast_overlay, NULL, path);
  else
    {
      g_warning ("Could not save a card: %s", error->message);
      hearth_editor_toast_error (self->toast_overlay, _("Could not save the card"), error);
    }
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HearthCardDialog *self = HEARTH_CARD_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->card == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save Card as PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  name = hearth_card_dialog_dup_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_pdf_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Loading ------------------------------------------------------------------------------------ */

static Card *
load_card (HearthStore   *store,
           HearthProgram *program,
           const char    *award_id,
           GError       **error)
{
  HearthDatabase *reader = hearth_store_get_reader (store);
  g_autoptr(HearthAward) award = NULL;
  g_autoptr(HearthBadge) badge = NULL;
  g_autoptr(HearthMember) member = NULL;
  Card *card;

  award = hearth_record_load_by_id (HEARTH_TYPE_AWARD, reader, award_id, TRUE, error);
  if (award == NULL)
    return NULL;
  /* Even a badge or member deleted since still makes a card of what was given. */
  badge = hearth_record_load_by_id (HEARTH_TYPE_BADGE, reader,
                                    hearth_award_get_badge_id (award), TRUE, NULL);
  member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, reader,
                                     hearth_award_get_member_id (award), TRUE, NULL);

  card = g_new0 (Card, 1);
  card->member_name = g_strdup (member ? hearth_member_get_display_name (member) : NULL);
  card->badge_name = g_strdup (badge ? hearth_badge_get_name (badge) : NULL);
  card->badge_icon = g_strdup (badge ? hearth_badge_get_icon (badge) : NULL);
  card->badge_color = g_strdup (badge ? hearth_badge_get_color (badge) : NULL);
  card->tier = hearth_tier_from_string (badge ? hearth_badge_get_tier (badge) : NULL);
  card->reason = g_strdup (hearth_award_get_reason (award));
  card->date_text = format_day (hearth_award_get_awarded_on (award));
  card->program_name = g_strdup (hearth_program_get_name (program));
  card->signature_label = g_strdup (_("Signature"));
  card->size = HEARTH_CARD_SIZE_A6;

  return card;
}

/* GObject ------------------------------------------------------------------------------------ */

static void
hearth_card_dialog_dispose (GObject *object)
{
  HearthCardDialog *self = HEARTH_CARD_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_CARD_DIALOG);

  G_OBJECT_CLASS (hearth_card_dialog_parent_class)->dispose (object);
}

static void
hearth_card_dialog_finalize (GObject *object)
{
  HearthCardDialog *self = HEARTH_CARD_DIALOG (object);

  g_clear_pointer (&self->card, card_free);

  G_OBJECT_CLASS (hearth_card_dialog_parent_class)->finalize (object);
}

static void
hearth_card_dialog_class_init (HearthCardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_card_dialog_dispose;
  object_class->finalize = hearth_card_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/card/hearth-card-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthCardDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HearthCardDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, HearthCardDialog, signature_row);
  gtk_widget_class_bind_template_child (widget_class, HearthCardDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, HearthCardDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HearthCardDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "card.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "card.save-pdf", NULL, save_pdf_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "card.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "card.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_card_dialog_init (HearthCardDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->preview, draw_preview_cb, self, NULL);
}

/**
 * hearth_card_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @program: the award's program
 * @award_id: the award the card thanks for
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWindow *
hearth_card_dialog_new (GtkWindow     *parent,
                        HearthStore   *store,
                        HearthProgram *program,
                        const char    *award_id)
{
  g_autoptr(GError) error = NULL;
  HearthCardDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (award_id != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_CARD_DIALOG, "transient-for", parent, NULL);
  self->card = load_card (store, program, award_id, &error);

  if (self->card == NULL)
    {
      g_message ("Award %s could not be loaded: %s", award_id,
                 error ? error->message : "not found");
      /* Gone meanwhile: an empty card, but nothing to print or save. */
      self->card = g_new0 (Card, 1);
      self->card->program_name = g_strdup (hearth_program_get_name (program));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.print", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.save-pdf", FALSE);
    }

  if (self->card->member_name != NULL)
    adw_window_title_set_subtitle (self->window_title, self->card->member_name);
  adw_action_row_set_subtitle (self->date_row, self->card->date_text);
  gtk_editable_set_text (GTK_EDITABLE (self->signature_row),
                         self->card->signature_label ? self->card->signature_label : "");
  update_preview (self);

  return GTK_WINDOW (self);
}

gboolean
hearth_card_dialog_save_pdf (HearthCardDialog  *self,
                             const char        *path,
                             GError           **error)
{
  HearthCardContent content = { 0 };

  g_return_val_if_fail (HEARTH_IS_CARD_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  card_get_content (self->card, &content);
  return hearth_card_render_pdf (path, self->card->size, &content, error);
}

char *
hearth_card_dialog_dup_file_name (HearthCardDialog *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (HEARTH_IS_CARD_DIALOG (self), NULL);

  name = sanitize_file_part (self->card->member_name);
  if (name[0] == '\0')
    /* Translators: the file name of a card when the member has no usable name. */
    return g_strdup (_("thank-you-card.pdf"));

  /* Translators: the file name of a thank-you card; %s is the member's name, made safe for a
   * file name. Keep it free of slashes. */
  return g_strdup_printf (_("thank-you-%s.pdf"), name);
}

const char *
hearth_card_dialog_get_date_text (HearthCardDialog *self)
{
  g_return_val_if_fail (HEARTH_IS_CARD_DIALOG (self), NULL);

  return self->card->date_text;
}

HearthCardSize
hearth_card_dialog_get_size (HearthCardDialog *self)
{
  g_return_val_if_fail (HEARTH_IS_CARD_DIALOG (self), HEARTH_CARD_SIZE_A6);

  return self->card->size;
}

/* Badge images ------------------------------------------------------------------------------- */

char *
hearth_badge_image_path (const char         *path,
                         gboolean            svg_chosen,
                         HearthRenderFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".svg"))
    {
      *format = HEARTH_RENDER_FORMAT_SVG;
      return g_strdup (path);
    }
  if (g_str_has_suffix (lower, ".png"))
    {
      *format = HEARTH_RENDER_FORMAT_PNG;
      return g_strdup (path);
    }

  *format = svg_chosen ? HEARTH_RENDER_FORMAT_SVG : HEARTH_RENDER_FORMAT_PNG;
  return g_strconcat (path, svg_chosen ? ".svg" : ".png", NULL);
}

gboolean
hearth_badge_write_image (HearthBadge         *badge,
                          const char          *path,
                          HearthRenderFormat   format,
                          GError             **error)
{
  g_return_val_if_fail (HEARTH_IS_BADGE (badge), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return hearth_badge_export (path, format, BADGE_IMAGE_SIZE, hearth_badge_get_icon (badge),
                              hearth_badge_get_color (badge),
                              hearth_tier_from_string (hearth_badge_get_tier (badge)), error);
}

typedef struct
{
  GtkFileChooserNative *chooser;
  GtkFileFilter        *svg_filter;
  GWeakRef              parent;
  HearthBadge          *badge;
} SaveImage;

static void
save_image_free (SaveImage *save)
{
  g_clear_object (&save->chooser);
  g_clear_object (&save->svg_filter);
  g_weak_ref_clear (&save->parent);
  g_clear_object (&save->badge);
  g_free (save);
}

static void
report_image_failure (GtkWindow    *parent,
                      const GError *error)
{
  GtkWidget *message;

  g_warning ("Could not save a badge image: %s", error->message);

  if (HEARTH_IS_WINDOW (parent))
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", _("Could not save the badge image"),
                                               error->message);
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      hearth_window_add_toast (HEARTH_WINDOW (parent), toast);
      return;
    }

  message = adw_message_dialog_new (parent, _("Could Not Save the Badge Image"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
save_image_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        SaveImage       *save)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&save->parent);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  HearthRenderFormat format;
  GtkFileFilter *filter;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || (chosen = g_file_get_path (file)) == NULL)
    {
      save_image_free (save);
      return;
    }

  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  path = hearth_badge_image_path (chosen, filter != NULL && filter == save->svg_filter, &format);

  if (hearth_badge_write_image (save->badge, path, format, &error))
    {
      if (HEARTH_IS_WINDOW (parent))
        toast_saved (NULL, parent, path);
    }
  else
    report_image_failure (parent, error);

  save_image_free (save);
}

/**
 * hearth_badge_save_image:
 * @parent: (nullable): the window the chooser belongs to; a #HearthWindow gets the toast
 * @store: the store
 * @badge_id: the badge
 *
 * Opens a file chooser for the badge's tile and writes it (512 px PNG, or SVG) by the chosen
 * file type, or the extension typed.
 */
void
hearth_badge_save_image (GtkWindow   *parent,
                         HearthStore *store,
                         const char  *badge_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkFileFilter) png_filter = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  HearthBadge *badge;
  SaveImage *save;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (HEARTH_IS_STORE (store));
  g_return_if_fail (badge_id != NULL);

  badge = hearth_record_load_by_id (HEARTH_TYPE_BADGE, hearth_store_get_reader (store),
                                    badge_id, FALSE, &error);
  if (badge == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("The badge no longer exists"));
      report_image_failure (parent, error);
      return;
    }

  save = g_new0 (SaveImage, 1);
  save->badge = badge;
  g_weak_ref_init (&save->parent, parent);
  save->chooser = gtk_file_chooser_native_new (_("Save Badge Image"), parent,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (save->chooser), TRUE);

  png_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (png_filter, _("PNG Image (512 × 512 pixels)"));
  gtk_file_filter_add_mime_type (png_filter, "image/png");
  gtk_file_filter_add_suffix (png_filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (save->chooser), png_filter);

  save->svg_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (save->svg_filter, _("SVG Image (scalable)"));
  gtk_file_filter_add_mime_type (save->svg_filter, "image/svg+xml");
  gtk_file_filter_add_suffix (save->svg_filter, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (save->chooser), save->svg_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (save->chooser), png_filter);

  name = sanitize_file_part (hearth_badge_get_name (badge));
  file_name = g_strconcat (name[0] != '\0' ? name : "badge", ".png", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (save->chooser), file_name);

  g_signal_connect (save->chooser, "response", G_CALLBACK (save_image_response_cb), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (save->chooser));
}
