package dev.newsdesk.e2e.pages;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the engine of validator.w3.org/nu) run in-process with the schema its
 * command line uses by default, on a page's bytes as the server sent them.
 */
final class HtmlChecker {

    /** vnu's default schema: HTML, with SVG, MathML and RDFa Lite (Open Graph's property=). */
    private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private HtmlChecker() {}

    /** The checker's errors (and fatal errors) for the document, each with its line and column. */
    static List<String> errors(String url, String html) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings (e.g. "consider adding a lang") are advice, not errors
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator();
        validator.setUpMainSchema(SCHEMA, handler);
        validator.setUpValidatorAndParsers(handler, false, false);
        InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        source.setSystemId(url);
        source.setEncoding("UTF-8");
        validator.checkHtmlInputSource(source);
        return errors;
    }
}
