/* pe-fuzz.h — what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target is one LLVMFuzzerTestOneInput(). Linked with libFuzzer
 * (-Dfuzzing=true, tests/fuzz/run-fuzzers.sh) it is fuzzed; linked with
 * fuzz-replay.c it replays files, which is how ./test runs the seed corpus
 * and every crash found so far.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

int        LLVMFuzzerTestOneInput  (const uint8_t *data,
                                    size_t         size);

void       pe_fuzz_setup           (void);
GPtrArray *pe_fuzz_load_documents  (void);
void       pe_fuzz_check_message   (const GError  *error,
                                    gsize          max_length);

G_END_DECLS
