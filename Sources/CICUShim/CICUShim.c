#include "CICUShim.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

int32_t newstag_icu_char_category(int32_t scalar) { return (int32_t)u_charType((UChar32)scalar); }

int32_t newstag_icu_to_lower(int32_t scalar) { return (int32_t)u_tolower((UChar32)scalar); }

int32_t newstag_icu_to_upper(int32_t scalar) { return (int32_t)u_toupper((UChar32)scalar); }

int32_t newstag_icu_script(int32_t scalar, int32_t *error_code) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript((UChar32)scalar, &status);
  *error_code = (int32_t)status;
  return U_FAILURE(status) ? -1 : (int32_t)script;
}

// Converts UTF-8 to a freshly allocated UTF-16 buffer; the caller frees it.
static UChar *utf16_from_utf8(const uint8_t *utf8, int32_t length, int32_t *utf16_length,
                              UErrorCode *status) {
  int32_t needed = 0;
  u_strFromUTF8(NULL, 0, &needed, (const char *)utf8, length, status);
  if (*status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(*status)) return NULL;
  *status = U_ZERO_ERROR;
  UChar *buffer = (UChar *)malloc(sizeof(UChar) * (size_t)(needed + 1));
  if (buffer == NULL) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  u_strFromUTF8(buffer, needed + 1, utf16_length, (const char *)utf8, length, status);
  if (U_FAILURE(*status)) {
    free(buffer);
    return NULL;
  }
  return buffer;
}

int32_t newstag_icu_nfc_quick_check_utf8(const uint8_t *utf8, int32_t length,
                                         int32_t *error_code) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) {
    *error_code = (int32_t)status;
    return -1;
  }
  int32_t utf16_length = 0;
  UChar *utf16 = utf16_from_utf8(utf8, length, &utf16_length, &status);
  if (utf16 == NULL) {
    *error_code = (int32_t)status;
    return -1;
  }
  UNormalizationCheckResult result = unorm2_quickCheck(nfc, utf16, utf16_length, &status);
  free(utf16);
  *error_code = (int32_t)status;
  if (U_FAILURE(status)) return -1;
  return result == UNORM_YES ? 1 : 0;
}

int32_t newstag_icu_nfc_utf8(const uint8_t *utf8, int32_t length, uint8_t *destination,
                             int32_t capacity, int32_t *error_code) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
  int32_t utf16_length = 0;
  UChar *utf16 = U_SUCCESS(status) ? utf16_from_utf8(utf8, length, &utf16_length, &status) : NULL;
  if (utf16 == NULL) {
    *error_code = (int32_t)status;
    return -1;
  }
  // NFC never grows UTF-16 by more than a factor of 3.
  int32_t normalized_capacity = utf16_length * 3 + 1;
  UChar *normalized = (UChar *)malloc(sizeof(UChar) * (size_t)normalized_capacity);
  if (normalized == NULL) {
    free(utf16);
    *error_code = (int32_t)U_MEMORY_ALLOCATION_ERROR;
    return -1;
  }
  int32_t normalized_length =
      unorm2_normalize(nfc, utf16, utf16_length, normalized, normalized_capacity, &status);
  free(utf16);
  if (U_FAILURE(status)) {
    free(normalized);
    *error_code = (int32_t)status;
    return -1;
  }
  int32_t needed = 0;
  u_strToUTF8((char *)destination, capacity, &needed, normalized, normalized_length, &status);
  free(normalized);
  if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
    status = U_ZERO_ERROR;
  }
  *error_code = (int32_t)status;
  return U_FAILURE(status) ? -1 : needed;
}

const char *newstag_icu_error_name(int32_t error_code) { return u_errorName((UErrorCode)error_code); }

void newstag_icu_version(char *destination, int32_t capacity) {
  UVersionInfo version;
  u_getVersion(version);
  if (capacity >= U_MAX_VERSION_STRING_LENGTH) {
    u_versionToString(version, destination);
  } else if (capacity > 0) {
    destination[0] = 0;
  }
}
