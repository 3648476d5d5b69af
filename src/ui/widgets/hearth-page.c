/* hearth-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of the five sidebar pages: a title and icon for the sidebar and header, and the
 * program and store the page shows. Each page is a template in pages/<name>/.
 */

#define G_LOG_DOMAIN "hearth-page"

#include "config.h"

#include "hearth-page.h"

typedef struct
{
  char          *title;
  char          *icon_name;
  HearthProgram *program;
  HearthStore   *store;
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

static void
hearth_page_class_init (HearthPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

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

  if (g_set_object (&priv->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
