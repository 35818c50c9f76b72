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
#include <libxml/parserInternals.h>
#include <libxml/dict.h>

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

#include <string.h>

/// The events of one SAX parse, delivered to Swift: `context` is the Swift builder. Names are interned in
/// the parser's dictionary (`clibxml2_parse_events` hands that dictionary over); attribute values and text
/// are valid only during the call.
typedef struct {
    void *context;
    void (*startElement)(void *context, const xmlChar *name, const xmlChar **attributes, int line);
    void (*endElement)(void *context);
    void (*characters)(void *context, const xmlChar *bytes, int length);
    void (*cdata)(void *context, const xmlChar *bytes, int length);
    /// A comment or processing instruction (a node that is neither element nor text).
    void (*otherNode)(void *context);
    /// <!DOCTYPE …>: libxml2's tree gets a DTD node as the document's first child.
    void (*doctype)(void *context);
    /// Open elements (libxml2's node stack depth), kept by the callbacks below.
    unsigned int depth;
} clibxml2_events;

static inline clibxml2_events *clibxml2_events_of(void *ctx) {
    return (clibxml2_events *)((xmlParserCtxtPtr)ctx)->_private;
}
static void clibxml2_on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    /* As xmlSAX2StartElement numbers lines: only when line numbers are on, 65535 at most. */
    int line = 0;
    if (ctxt->linenumbers && ctxt->input != NULL) line = ctxt->input->line < 65535 ? ctxt->input->line : 65535;
    clibxml2_events *events = clibxml2_events_of(ctx);
    /* libxml2's tree builder stops the parse at an element nested deeper than xmlParserMaxDepth (256)
       without XML_PARSE_HUGE (nodePush fails, the parser halts): the same here. */
    if (events->depth > xmlParserMaxDepth && (ctxt->options & XML_PARSE_HUGE) == 0) {
        xmlStopParser(ctxt);
        return;
    }
    events->depth++;
    events->startElement(events->context, name, atts, line);
}
static void clibxml2_on_end(void *ctx, const xmlChar *name) {
    (void)name;
    clibxml2_events *events = clibxml2_events_of(ctx);
    if (events->depth > 0) events->depth--;
    events->endElement(events->context);
}
static void clibxml2_on_characters(void *ctx, const xmlChar *bytes, int length) {
    clibxml2_events *events = clibxml2_events_of(ctx);
    events->characters(events->context, bytes, length);
}
static void clibxml2_on_cdata(void *ctx, const xmlChar *bytes, int length) {
    clibxml2_events *events = clibxml2_events_of(ctx);
    events->cdata(events->context, bytes, length);
}
static void clibxml2_on_comment(void *ctx, const xmlChar *value) {
    (void)value;
    clibxml2_events *events = clibxml2_events_of(ctx);
    events->otherNode(events->context);
}
static void clibxml2_on_pi(void *ctx, const xmlChar *target, const xmlChar *data) {
    (void)target; (void)data;
    clibxml2_events *events = clibxml2_events_of(ctx);
    events->otherNode(events->context);
}
static void clibxml2_on_doctype(void *ctx, const xmlChar *name, const xmlChar *externalID, const xmlChar *systemID) {
    (void)name; (void)externalID; (void)systemID;
    clibxml2_events *events = clibxml2_events_of(ctx);
    events->doctype(events->context);
}

/// Parses HTML bytes as `htmlReadMemory(buffer, size, NULL, encoding, options)` would (the same context
/// set-up as libxml2's htmlDoRead: options, then the encoding forced so that a <meta charset> cannot
/// change it), but with SAX callbacks in place of the tree builder: no libxml2 tree is made. Returns the
/// parser's name dictionary (interned element names stay valid until the caller frees it with xmlDictFree),
/// or NULL when no parser could be made.
static inline xmlDictPtr clibxml2_parse_events(const char *buffer, int size, const char *encoding, int options,
                                               clibxml2_events *events) {
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return NULL;
    htmlSAXHandler *sax = ctxt->sax;
    memset(sax, 0, sizeof(*sax));
    sax->startElement = clibxml2_on_start;
    sax->endElement = clibxml2_on_end;
    sax->characters = clibxml2_on_characters;
    sax->cdataBlock = clibxml2_on_cdata;
    sax->comment = clibxml2_on_comment;
    sax->processingInstruction = clibxml2_on_pi;
    sax->internalSubset = clibxml2_on_doctype;
    /* ignorableWhitespace stays NULL: libxml2's tree builder drops it too (it is only called without keepBlanks). */
    sax->initialized = 1;
    ctxt->_private = events;
    ctxt->userData = ctxt;
    htmlCtxtUseOptions(ctxt, options);
    ctxt->html = 1;
    if (encoding != NULL) {
        xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
        if (handler != NULL) {
            xmlSwitchToEncoding(ctxt, handler);
            if (ctxt->input->encoding != NULL) xmlFree((xmlChar *)ctxt->input->encoding);
            ctxt->input->encoding = xmlStrdup((const xmlChar *)encoding);
        }
    }
    htmlParseDocument(ctxt);
    if (ctxt->myDoc != NULL) { xmlFreeDoc(ctxt->myDoc); ctxt->myDoc = NULL; }
    xmlDictPtr dict = ctxt->dict;
    if (dict != NULL) xmlDictReference(dict);
    htmlFreeParserCtxt(ctxt);
    return dict;
}

#endif
