/* hearth-weak-ref.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A weak reference to hand to a GTask callback instead of the widget itself. A dialog passed as
 * a task's source object stays alive until its worker returns, even after its window was
 * destroyed, and its callback then runs on a dialog nobody shows (after the store it reads from
 * may have been closed). With a weak reference the dialog goes away at once, its dispose
 * cancels the worker, and the callback finds nothing.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

static inline GWeakRef *
hearth_weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

/* Frees @ref; returns (transfer full) (nullable) the object if it still lives. */
static inline gpointer
hearth_weak_ref_steal (GWeakRef *ref)
{
  gpointer object = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return object;
}

/* Frees *@ref and sets it to NULL; returns (transfer full) (nullable) the object if it still
 * lives. A NULL *@ref (taken already) gives NULL. */
static inline gpointer
hearth_weak_ref_take (GWeakRef **ref)
{
  GWeakRef *taken = g_steal_pointer (ref);

  return taken != NULL ? hearth_weak_ref_steal (taken) : NULL;
}

/* Frees *@ref, if any, and sets it to NULL. */
static inline void
hearth_weak_ref_clear (GWeakRef **ref)
{
  gpointer object = hearth_weak_ref_take (ref);

  g_clear_object (&object);
}

G_END_DECLS
