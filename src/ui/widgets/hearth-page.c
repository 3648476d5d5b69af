/* hearth-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of the five sidebar pages: a title and icon for the sidebar and header, and the
 * program and store the page shows. Each page is a template in pages/<name>/.
 */

#define G_LOG_DOMAIN "hearth-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-page.h"
#include "hearth-editor-util.h"
#include "hearth-window.h"

typedef struct
{
  char          *title;
  char          *icon_name;
  HearthProgram *program;
  HearthStore   *store;
  gulong         changed_id;
  guint          reload_id;
  /* Data is read only while the page is shown: a change meanwhile marks it stale. */
  gboolean       stale;
} HearthPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HearthPage, hearth_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_PROGRAM,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hearth_page_dispose (GObject *object)
{
  HearthPage *self = (HearthPage *)object;
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  /* Every page is a template of its own final type; its children go here, once for all. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));

  g_clear_handle_id (&priv->reload_id, g_source_remove);
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_object (&priv->program);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (hearth_page_parent_class)->dispose (object);
}

static void
hearth_page_finalize (GObject *object)
{
  HearthPage *self = (HearthPage *)object;
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->icon_name, g_free);

  G_OBJECT_CLASS (hearth_page_parent_class)->finalize (object);
}

static void
hearth_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HearthPage *self = HEARTH_PAGE (object);
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;

    case PROP_PROGRAM:
      g_value_set_object (value, priv->program);
      break;

    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (HearthPage  *self,
            char       **slot,
            const char  *value,
            GParamSpec  *pspec)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
hearth_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HearthPage *self = HEARTH_PAGE (object);
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      set_string (self, &priv->title, g_value_get_string (value), pspec);
      break;

    case PROP_ICON_NAME:
      set_string (self, &priv->icon_name, g_value_get_string (value), pspec);
      break;

    case PROP_PROGRAM:
      hearth_page_set_program (self, g_value_get_object (value));
      break;

    case PROP_STORE:
      hearth_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  HearthPage *self = user_data;
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  priv->reload_id = 0;
  hearth_page_reload (self);

  return G_SOURCE_REMOVE;
}

/* A burst of writes (an import, a merge) reloads once. */
static void
store_changed_cb (HearthPage *self)
{
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  if (HEARTH_PAGE_GET_CLASS (self)->reload == NULL)
    return;

  g_clear_handle_id (&priv->reload_id, g_source_remove);
  priv->reload_id = g_timeout_add (HEARTH_PAGE_GET_CLASS (self)->reload_delay_ms,
                                   reload_timeout_cb, self);
}

static void
hearth_page_map (GtkWidget *widget)
{
  HearthPage *self = HEARTH_PAGE (widget);
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  GTK_WIDGET_CLASS (hearth_page_parent_class)->map (widget);

  if (priv->stale)
    hearth_page_reload (self);
}

static void
hearth_page_class_init (HearthPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  klass->reload_delay_ms = 150;
  widget_class->map = hearth_page_map;
  object_class->dispose = hearth_page_dispose;
  object_class->finalize = hearth_page_finalize;
  object_class->get_property = hearth_page_get_property;
  object_class->set_property = hearth_page_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL, HEARTH_TYPE_PROGRAM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HEARTH_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_page_init (HearthPage *self)
{
}

const char *
hearth_page_get_title (HearthPage *self)
{
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  g_return_val_if_fail (HEARTH_IS_PAGE (self), NULL);

  return priv->title;
}

const char *
hearth_page_get_icon_name (HearthPage *self)
{
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  g_return_val_if_fail (HEARTH_IS_PAGE (self), NULL);

  return priv->icon_name;
}

/**
 * hearth_page_get_program:
 *
 * Returns: (transfer none) (nullable): the program the page shows
 */
HearthProgram *
hearth_page_get_program (HearthPage *self)
{
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  g_return_val_if_fail (HEARTH_IS_PAGE (self), NULL);

  return priv->program;
}

void
hearth_page_set_program (HearthPage    *self,
                         HearthProgram *program)
{
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  g_return_if_fail (HEARTH_IS_PAGE (self));
  g_return_if_fail (program == NULL || HEARTH_IS_PROGRAM (program));

  if (g_set_object (&priv->program, program))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

/**
 * hearth_page_get_program_id:
 *
 * Returns: (nullable): the id of the program the page shows
 */
const char *
hearth_page_get_program_id (HearthPage *self)
{
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  g_return_val_if_fail (HEARTH_IS_PAGE (self), NULL);

  return priv->program != NULL ? hearth_record_get_id (HEARTH_RECORD (priv->program)) : NULL;
}

/**
 * hearth_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store
 */
HearthStore *
hearth_page_get_store (HearthPage *self)
{
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  g_return_val_if_fail (HEARTH_IS_PAGE (self), NULL);

  return priv->store;
}

void
hearth_page_set_store (HearthPage  *self,
                       HearthStore *store)
{
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  g_return_if_fail (HEARTH_IS_PAGE (self));
  g_return_if_fail (store == NULL || HEARTH_IS_STORE (store));

  if (priv->store == store)
    return;

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_set_object (&priv->store, store);
  if (store != NULL)
    priv->changed_id = g_signal_connect_swapped (store, "changed",
                                                 G_CALLBACK (store_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * hearth_page_reload:
 *
 * Reads the page's data again through its reload vfunc: now when the page is shown, else on
 * its next map. Pages call it when their program or store changes.
 */
void
hearth_page_reload (HearthPage *self)
{
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);
  HearthPageClass *klass;

  g_return_if_fail (HEARTH_IS_PAGE (self));

  g_clear_handle_id (&priv->reload_id, g_source_remove);
  klass = HEARTH_PAGE_GET_CLASS (self);
  if (klass->reload == NULL)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = TRUE;
      return;
    }
  priv->stale = FALSE;
  klass->reload (self);
}

/**
 * hearth_page_get_window:
 *
 * Returns: (transfer none) (nullable): the window the page is in, as a parent for its dialogs
 */
GtkWindow *
hearth_page_get_window (HearthPage *self)
{
  GtkRoot *root;

  g_return_val_if_fail (HEARTH_IS_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * hearth_page_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast on the main window's overlay; a page placed elsewhere (the tests) uses the
 * nearest one.
 */
void
hearth_page_add_toast (HearthPage *self,
                       AdwToast   *toast)
{
  GtkWindow *window;
  GtkWidget *overlay;

  g_return_if_fail (HEARTH_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  window = hearth_page_get_window (self);
  if (HEARTH_IS_WINDOW (window))
    {
      hearth_window_add_toast (HEARTH_WINDOW (window), toast);
      return;
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/**
 * hearth_page_add_error_toast:
 * @what: what failed, already translated
 *
 * Logs a warning and shows "@what: @error's message" in a toast that stays until dismissed.
 */
void
hearth_page_add_error_toast (HearthPage   *self,
                             const char   *what,
                             const GError *error)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (HEARTH_IS_PAGE (self));
  g_return_if_fail (what != NULL);
  g_return_if_fail (error != NULL);

  text = g_strdup_printf ("%s: %s", what, error->message);
  /* Toast titles are markup on libadwaita 1.2. */
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);

  g_warning ("%s", text);
  adw_toast_set_timeout (toast, 0);
  hearth_page_add_toast (self, toast);
}

/**
 * hearth_page_add_undo_toast:
 * @title: the toast's title (markup)
 * @action: the Undo button's action, one of the window (or of a group on it): the page may be
 *   gone, or on another view, by the time it is clicked
 * @target: (nullable): the action's target
 */
void
hearth_page_add_undo_toast (HearthPage *self,
                            const char *title,
                            const char *action,
                            GVariant   *target)
{
  AdwToast *toast;

  g_return_if_fail (HEARTH_IS_PAGE (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (action != NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action);
  adw_toast_set_action_target_value (toast, target);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  hearth_page_add_toast (self, toast);
}

/**
 * hearth_page_read_async:
 * @func: what to read, on a worker thread with a read-only connection of its own
 * @data: (nullable): for @func, freed with @data_free once the task is done
 * @result_free: frees @func's result when nobody takes it
 * @user_data: for @callback; never the page itself (it may go while the worker runs: pass a
 *   weak reference, see hearth-weak-ref.h)
 *
 * The task has no source object, for the same reason.
 */
void
hearth_page_read_async (HearthPage          *self,
                        HearthPageReadFunc   func,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  HearthPagePrivate *priv = hearth_page_get_instance_private (self);

  g_return_if_fail (HEARTH_IS_PAGE (self));
  g_return_if_fail (priv->store != NULL);

  hearth_editor_read_async (priv->store, func, data, data_free, result_free, cancellable,
                            callback, user_data);
}

/**
 * hearth_page_read_finish:
 *
 * Returns: (transfer full): the read function's result, or NULL with @error set
 */
gpointer
hearth_page_read_finish (GAsyncResult  *result,
                         GError       **error)
{
  return hearth_editor_read_finish (result, error);
}
