#ifndef GIRCONV_CLIBXML2_SHIM_H
#define GIRCONV_CLIBXML2_SHIM_H

// libxml2 as GirconvXML uses it, through libxml2's public API only (the headers below; no parserInternals.h).
// The fields of xmlParserCtxt that parser.h declares (sax, _private, userData, linenumbers, options, dict,
// input) are part of that API.

// Debian's libxml2 is built with ICU; its headers then pull in the system ICU headers, which clash with
// the ICU that Foundation ships ("'UErrorCode' has different definitions in different modules") on clean
// builds. girconv never uses libxml2's ICU support, so hide it before anything else is included.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/dict.h>
#include <libxml/SAX2.h>
#include <string.h>

/// How deep libxml2's tree builder lets elements nest without XML_PARSE_HUGE: it refuses an element when
/// more than this many are open (nodePush in parser.c compares its node stack with the variable
/// xmlParserMaxDepth, 256 in libxml2 2.9.14, declared only in parserInternals.h, which is not public API).
/// The SAX parse stops where the tree builder would; the XML-part parse's default limit is this number.
#define CLIBXML2_TREE_DEPTH_LIMIT 256

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
    /// Set when the parse stopped at an element nested too deep: the line it stopped at (at least 1).
    int stoppedAtLine;
} clibxml2_events;

/// The SAX callbacks receive the parser context (its userData); the events travel in its `_private`.
static inline clibxml2_events *clibxml2_events_of(void *ctx) {
    return (clibxml2_events *)((xmlParserCtxtPtr)ctx)->_private;
}
static void clibxml2_on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    /* As xmlSAX2StartElement numbers lines: only when line numbers are on, 65535 at most. */
    int line = 0;
    if (ctxt->linenumbers) {
        int current = xmlSAX2GetLineNumber(ctx);
        line = current < 65535 ? current : 65535;
    }
    clibxml2_events *events = clibxml2_events_of(ctx);
    /* libxml2's tree builder stops the parse at an element nested deeper than its limit without
       XML_PARSE_HUGE (nodePush fails, the parser halts): the same here. */
    if (events->depth > CLIBXML2_TREE_DEPTH_LIMIT && (ctxt->options & XML_PARSE_HUGE) == 0) {
        int stopped = xmlSAX2GetLineNumber(ctx);
        events->stoppedAtLine = stopped > 0 ? stopped : 1;
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

/// Parses HTML bytes as `htmlReadMemory(buffer, size, NULL, encoding, options)` would, but with SAX
/// callbacks in place of the tree builder: no libxml2 tree is made. htmlCtxtReadMemory resets the context
/// (htmlCtxtReset keeps the SAX handler, `_private`, `userData` and the dictionary) and parses as
/// htmlReadMemory does (htmlDoRead: the options, then the encoding forced so that a <meta charset> cannot
/// change it). Returns the parser's name dictionary (interned element names stay valid until the caller
/// frees it with xmlDictFree), or NULL when nothing could be parsed: an empty buffer (htmlReadMemory
/// refuses one too) or no memory.
static inline xmlDictPtr clibxml2_parse_events(const char *buffer, int size, const char *encoding, int options,
                                               clibxml2_events *events) {
    if (buffer == NULL || size <= 0) return NULL;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
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
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, buffer, size, NULL, encoding, options);
    /* Without the tree builder no document is made; free one all the same if it were. */
    if (doc != NULL) xmlFreeDoc(doc);
    /* The input stays on the context after the parse: none means it could not be made (no memory). */
    xmlDictPtr dict = ctxt->input != NULL ? ctxt->dict : NULL;
    if (dict != NULL) xmlDictReference(dict);
    htmlFreeParserCtxt(ctxt);
    return dict;
}

/// A strict parse of an XML part (a .docx's word/document.xml): how it went and, if it failed, where.
/// `maxDepth` is set by the caller; the rest is filled in by clibxml2_read_xml_part.
typedef enum {
    CLIBXML2_XML_PART_OK = 0,
    /// A <!DOCTYPE …>: refused before its internal subset (where entities are declared) is read.
    CLIBXML2_XML_PART_DOCTYPE = 1,
    /// An element nested deeper than maxDepth.
    CLIBXML2_XML_PART_TOO_DEEP = 2,
    /// Not well-formed XML (or libxml2 could not parse it): code, line, column and message say why.
    CLIBXML2_XML_PART_MALFORMED = 3,
} clibxml2_xml_part_status;

typedef struct {
    unsigned int maxDepth;
    unsigned int depth;
    clibxml2_xml_part_status status;
    int code;
    int line;
    int column;
    char message[160];
} clibxml2_xml_part;

static void clibxml2_xml_part_refuse(void *ctx, clibxml2_xml_part_status status) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    clibxml2_xml_part *part = (clibxml2_xml_part *)ctxt->_private;
    if (part->status == CLIBXML2_XML_PART_OK) {
        part->status = status;
        part->line = xmlSAX2GetLineNumber(ctx);
        part->column = xmlSAX2GetColumnNumber(ctx);
    }
    xmlStopParser(ctxt);
}
static void clibxml2_xml_part_doctype(void *ctx, const xmlChar *name, const xmlChar *externalID, const xmlChar *systemID) {
    (void)name; (void)externalID; (void)systemID;
    clibxml2_xml_part_refuse(ctx, CLIBXML2_XML_PART_DOCTYPE);
}
static void clibxml2_xml_part_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                                    int nbNamespaces, const xmlChar **namespaces, int nbAttributes, int nbDefaulted,
                                    const xmlChar **attributes) {
    clibxml2_xml_part *part = (clibxml2_xml_part *)((xmlParserCtxtPtr)ctx)->_private;
    if (part->depth >= part->maxDepth) {
        clibxml2_xml_part_refuse(ctx, CLIBXML2_XML_PART_TOO_DEEP);
        return;
    }
    part->depth++;
    xmlSAX2StartElementNs(ctx, localname, prefix, URI, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes);
}
static void clibxml2_xml_part_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI) {
    clibxml2_xml_part *part = (clibxml2_xml_part *)((xmlParserCtxtPtr)ctx)->_private;
    if (part->depth > 0) part->depth--;
    xmlSAX2EndElementNs(ctx, localname, prefix, URI);
}
/// Keeps an error's code, place and message in the part.
static inline void clibxml2_xml_part_note(clibxml2_xml_part *part, xmlErrorPtr error) {
    part->code = error->code;
    part->line = error->line;
    part->column = error->int2;
    if (error->message != NULL) {
        strncpy(part->message, error->message, sizeof(part->message) - 1);
        part->message[sizeof(part->message) - 1] = 0;
    }
}

/// The first error of a part's parse (libxml2 reports later, consequential ones too, and keeps the last).
/// libxml2 2.9 may pass no user data here, so the part is found through the error's parser context.
static void clibxml2_xml_part_error(void *data, xmlErrorPtr error) {
    (void)data;
    if (error == NULL || error->level < XML_ERR_ERROR || error->ctxt == NULL) return;
    if (error->domain != XML_FROM_PARSER && error->domain != XML_FROM_NAMESPACE) return;
    clibxml2_xml_part *part = (clibxml2_xml_part *)((xmlParserCtxtPtr)error->ctxt)->_private;
    if (part == NULL || part->code != 0) return;
    clibxml2_xml_part_note(part, error);
}

/// Parses an XML part into a libxml2 tree with libxml2's own tree builder, strictly: `options` should not
/// include XML_PARSE_RECOVER (a malformed part is refused, as Word refuses it), XML_PARSE_HUGE, XML_PARSE_NOENT
/// or XML_PARSE_DTDLOAD. On top of libxml2's checks, a <!DOCTYPE …> stops the parse before any entity is
/// declared (so no entity can be expanded, however it is referenced later), and so does an element nested
/// deeper than `part->maxDepth` (a number of our own, below libxml2's 256 + 1, so the message can say it).
/// Returns the document, or NULL with `part` saying why.
static inline xmlDocPtr clibxml2_read_xml_part(const char *buffer, int size, const char *encoding, int options,
                                               clibxml2_xml_part *part) {
    part->depth = 0;
    part->status = CLIBXML2_XML_PART_OK;
    part->code = 0; part->line = 0; part->column = 0; part->message[0] = 0;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL || ctxt->sax == NULL) {
        if (ctxt != NULL) xmlFreeParserCtxt(ctxt);
        part->status = CLIBXML2_XML_PART_MALFORMED;
        strncpy(part->message, "libxml2 could not make a parser (out of memory?)", sizeof(part->message) - 1);
        return NULL;
    }
    ctxt->sax->internalSubset = clibxml2_xml_part_doctype;
    ctxt->sax->startElementNs = clibxml2_xml_part_start;
    ctxt->sax->endElementNs = clibxml2_xml_part_end;
    ctxt->sax->serror = clibxml2_xml_part_error;
    ctxt->_private = part;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buffer, size, NULL, encoding, options);
    if (part->status == CLIBXML2_XML_PART_OK && doc == NULL) {
        part->status = CLIBXML2_XML_PART_MALFORMED;
        xmlErrorPtr error = part->code == 0 ? xmlCtxtGetLastError(ctxt) : NULL;
        if (error != NULL) clibxml2_xml_part_note(part, error);
    }
    /* A DTD that slipped past the callback (it cannot, but the check is cheap) is refused as well. */
    if (part->status == CLIBXML2_XML_PART_OK && doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
        part->status = CLIBXML2_XML_PART_DOCTYPE;
    if (part->status != CLIBXML2_XML_PART_OK && doc != NULL) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

#endif
