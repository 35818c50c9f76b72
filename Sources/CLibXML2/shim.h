#ifndef GIRCONV_CLIBXML2_SHIM_H
#define GIRCONV_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU; its headers then pull in the system ICU headers, which clash with
// the ICU that Foundation ships ("'UErrorCode' has different definitions in different modules") on clean
// builds. girconv never uses libxml2's ICU support, so hide it before anything else is included.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

/// xmlFree is a global function pointer, which Swift 6 rejects as not concurrency-safe.
static inline void clibxml2_free(void *pointer) { xmlFree(pointer); }

static void clibxml2_silent_generic_error(void *context, const char *message, ...) { (void)context; (void)message; }
static void clibxml2_silent_structured_error(void *context, xmlErrorPtr error) { (void)context; (void)error; }

/// Initialises the parser once and silences libxml2's error printing (encoding errors otherwise reach
/// stderr despite HTML_PARSE_NOERROR). Variadic callbacks cannot be Swift closures, hence C.
static inline void clibxml2_initialize(void) {
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, clibxml2_silent_generic_error);
    xmlSetStructuredErrorFunc(NULL, clibxml2_silent_structured_error);
}

static inline int clibxml2_nodeset_count(xmlNodeSetPtr set) { return set ? set->nodeNr : 0; }
static inline xmlNodePtr clibxml2_nodeset_item(xmlNodeSetPtr set, int index) {
    return (set && index >= 0 && index < set->nodeNr) ? set->nodeTab[index] : NULL;
}

#endif
