/* pe-rc-private.h — reference-counted boxed structs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of a document (measures, fields, clauses…) are plain structs
 * with public read-only fields, shared by reference count so that bindings
 * and the UI can hold on to them.
 */
#pragma once

#include <glib-object.h>

#define PE_DEFINE_RC_BOXED(TypeName, type_name, clear_func)                  \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_ref, type_name##_unref) \
  TypeName *                                                                  \
  type_name##_ref (TypeName *self)                                            \
  {                                                                           \
    g_return_val_if_fail (self != NULL, NULL);                                \
    return g_atomic_rc_box_acquire (self);                                    \
  }                                                                           \
  void                                                                        \
  type_name##_unref (TypeName *self)                                          \
  {                                                                           \
    g_return_if_fail (self != NULL);                                          \
    g_atomic_rc_box_release_full (self, (GDestroyNotify) clear_func);         \
  }
