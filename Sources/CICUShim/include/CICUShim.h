#ifndef NEWSTAG_CICUSHIM_H
#define NEWSTAG_CICUSHIM_H

// A plain-C facade over system ICU. Only C types cross this header, so no
// Swift module ever sees ICU's own headers (Foundation ships a clashing copy),
// and ICU's per-version symbol renaming stays inside the .c file.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// General category of a code point, as ICU's UCharCategory number.
int32_t newstag_icu_char_category(int32_t scalar);

/// Simple lowercase mapping of a code point (one code point in, one out).
int32_t newstag_icu_to_lower(int32_t scalar);

/// Simple uppercase mapping of a code point.
int32_t newstag_icu_to_upper(int32_t scalar);

/// Unicode script code (UScriptCode) of a code point.
int32_t newstag_icu_script(int32_t scalar, int32_t *error_code);

/// NFC quick check over UTF-8: 1 = certainly normalised, 0 = maybe or no.
/// On failure returns -1 and sets *error_code.
int32_t newstag_icu_nfc_quick_check_utf8(const uint8_t *utf8, int32_t length,
                                         int32_t *error_code);

/// Normalises UTF-8 to NFC. Writes at most `capacity` bytes to `destination`
/// and returns the full length needed; call again with a larger buffer when the
/// result exceeds `capacity`. On failure returns -1 and sets *error_code.
int32_t newstag_icu_nfc_utf8(const uint8_t *utf8, int32_t length,
                             uint8_t *destination, int32_t capacity,
                             int32_t *error_code);

/// ICU's symbolic name for an error code, such as "U_INVALID_CHAR_FOUND".
const char *newstag_icu_error_name(int32_t error_code);

/// ICU's version, such as "72.1".
void newstag_icu_version(char *destination, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
