package dev.vigil.report;

import dev.vigil.model.Finding;
import dev.vigil.model.ScanSummary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendered report, parsed for assertions. The writer emits well-formed XML-compatible HTML, so the page is
 * parsed strictly: a stray unescaped {@code <} or {@code &} from data fails the parse, and every element and
 * attribute that exists can be checked by XPath.
 */
final class Page {

    final String html;
    final Document dom;

    private Page(String html) {
        this.html = html;
        this.dom = parse(html);
    }

    static Page render(ReportContext ctx, List<Finding> findings, ScanSummary summary) {
        StringWriter out = new StringWriter();
        try {
            HtmlReportWriter.write(out, ctx, findings, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(out.toString());
    }

    static Page render(List<Finding> findings, ScanSummary summary, MetricsSection metrics) {
        StringWriter out = new StringWriter();
        try {
            HtmlReportWriter.write(out, ReportContext.of("Vigil scan", Fixtures.GENERATED, List.of("logs/")), findings,
                    summary, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(out.toString());
    }

    static Page renderPosture(List<Finding> findings, ComplianceSection compliance) {
        StringWriter out = new StringWriter();
        try {
            HtmlReportWriter.write(out, ReportContext.of("Vigil posture", Fixtures.GENERATED, List.of("config/")),
                    findings, null, null, compliance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(out.toString());
    }

    /** The page {@code vigil posture} writes: compliance and failing checks, no scan sections. */
    static Page renderPostureOnly(List<Finding> failing, ComplianceSection compliance) {
        StringWriter out = new StringWriter();
        try {
            HtmlReportWriter.writePosture(out, ReportContext.of("Vigil posture", Fixtures.GENERATED,
                    List.of("Read 12 files (config-snapshot 12)")), failing, compliance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(out.toString());
    }

    static Page render(List<Finding> findings, ScanSummary summary) {
        return render(ReportContext.of("Vigil scan", Fixtures.GENERATED, List.of("s3-export/AWSLogs/")), findings,
                summary);
    }

    private static Document parse(String html) {
        String xml = html.replaceFirst("^<!DOCTYPE html>\n", "");
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("report is not well-formed: " + e.getMessage(), e);
        }
    }

    List<Element> all(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, dom, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Node n = nodes.item(i);
                if (n instanceof Element e) {
                    out.add(e);
                }
            }
            return out;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    List<String> texts(String xpath) {
        return all(xpath).stream().map(Node::getTextContent).toList();
    }

    String text(String xpath) {
        List<String> t = texts(xpath);
        if (t.size() != 1) {
            throw new AssertionError("expected one match for " + xpath + " but found " + t.size());
        }
        return t.get(0);
    }

    List<String> attributeValues(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, dom, XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getNodeValue());
            }
            return out;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }
}
