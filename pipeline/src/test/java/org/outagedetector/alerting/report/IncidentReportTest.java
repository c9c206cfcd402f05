package org.outagedetector.alerting.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.detection.MinutePoint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.outagedetector.alerting.report.ReportFixtures.at;
import static org.outagedetector.alerting.report.ReportFixtures.event;
import static org.outagedetector.alerting.report.ReportFixtures.point;
import static org.outagedetector.alerting.report.ReportFixtures.twitter;

class IncidentReportTest {

    @TempDir
    Path dir;

    @Test
    void writesOnePagePerIncidentAndAnIndexLinkingThem() throws Exception {
        List<AlertEvent> alerts = new ArrayList<>(twitter());
        AlertEvent tumblr = event("tumblr-20120621T0912Z", "tumblr", AlertEvent.OPEN, "opened", at("09:13"));
        tumblr.startedAt = at("09:12");
        alerts.add(tumblr);
        Path points = ReportFixtures.pointsFile(dir, List.of(point("twitter", "16:05", 80, 2, 6)));

        Path index = IncidentReport.write(alerts, points, dir.resolve("report"));

        assertThat(index).isEqualTo(dir.resolve("report/index.html"));
        assertThat(dir.resolve("report/twitter-20120621T1600Z.html")).isRegularFile();
        assertThat(dir.resolve("report/tumblr-20120621T0912Z.html")).isRegularFile();
        String html = Files.readString(index);
        // In the order they opened: tumblr in the morning, twitter in the afternoon.
        assertThat(html).containsSubsequence("href=\"tumblr-20120621T0912Z.html\"", "href=\"twitter-20120621T1600Z.html\"");
        assertThat(html).contains("8 min 00 s before the official statement", "still open", "2012-06-21 18:10 UTC");
        assertThat(html).doesNotContain("<script", "http://", "https://");
    }

    @Test
    void markersSitWhereTheirTimesFallOnTheAxis() throws Exception {
        Path points = ReportFixtures.pointsFile(dir, List.of(point("twitter", "16:05", 80, 2, 6)));
        IncidentReport.write(twitter(), points, dir);
        Document svg = svgOf(dir.resolve("twitter-20120621T1600Z.html"));

        Element plot = (Element) xpath(svg, "//rect[@class='plot']").item(0);
        double left = Double.parseDouble(plot.getAttribute("x"));
        double width = Double.parseDouble(plot.getAttribute("width"));
        // The window runs from two hours before the start (14:00) to an hour after the resolution (19:10).
        long from = at("14:00");
        long to = at("19:10");
        assertThat(markerX(svg, "opened")).isCloseTo(left + width * (at("16:02") - from) / (to - from), within(0.06));
        assertThat(markerX(svg, "official-ack")).isCloseTo(left + width * (at("16:10") - from) / (to - from), within(0.06));
        assertThat(markerX(svg, "resolved")).isCloseTo(left + width * (at("18:10") - from) / (to - from), within(0.06));
        assertThat(labelOf(svg, "opened")).isEqualTo("alert opened 16:02");
        assertThat(labelOf(svg, "official-ack")).isEqualTo("official statement 16:10");
        assertThat(labelOf(svg, "resolved")).isEqualTo("resolved 18:10");
        assertThat(xpath(svg, "//g[@data-kind='recurred']").getLength()).isZero();
        assertThat(svg.getDocumentElement().getTextContent()).contains("time (UTC), 21 Jun 2012", "14:00", "19:00",
                "expected by the baseline", "normal band");
    }

    @Test
    void aReturnAfterALullGetsItsOwnMarkers() throws Exception {
        String id = "twitter-20120621T1600Z";
        AlertEvent open = event(id, "twitter", AlertEvent.OPEN, "opened", at("16:02"));
        AlertEvent lull = event(id, "twitter", AlertEvent.RESOLVED, "subsided", at("17:16"));
        lull.resolvedAt = at("17:10");
        AlertEvent back = event(id, "twitter", AlertEvent.UPDATE, "recurred", at("17:41"));
        AlertEvent end = event(id, "twitter", AlertEvent.RESOLVED, "subsided", at("18:14"));
        end.resolvedAt = at("18:08");

        IncidentReport.write(List.of(open, lull, back, end), ReportFixtures.pointsFile(dir, List.of()), dir);
        Document svg = svgOf(dir.resolve(id + ".html"));

        assertThat(labelOf(svg, "subsided")).isEqualTo("subsided 17:10");
        assertThat(labelOf(svg, "recurred")).isEqualTo("came back 17:41");
        assertThat(labelOf(svg, "resolved")).isEqualTo("resolved 18:08");
        assertThat(markerX(svg, "subsided")).isLessThan(markerX(svg, "recurred")).isLessThan(markerX(svg, "resolved"));
    }

    @Test
    void barsAboveTheBandStandOutAndMissingMinutesDrawNothing() throws Exception {
        Path points = ReportFixtures.pointsFile(dir, List.of(
                point("twitter", "15:58", 2, 2, 6),
                point("twitter", "16:00", 30, 2, 6),
                point("twitter", "16:01", 5, 2, 6)));
        IncidentReport.write(twitter(), points, dir);
        Document svg = svgOf(dir.resolve("twitter-20120621T1600Z.html"));

        NodeList bars = xpath(svg, "//rect[@class='bar']");
        assertThat(bars.getLength()).isEqualTo(3);
        assertThat(((Element) bars.item(0)).getAttribute("fill"))
                .isEqualTo(((Element) bars.item(2)).getAttribute("fill"))
                .isNotEqualTo(((Element) bars.item(1)).getAttribute("fill"));
    }

    @Test
    void postTextsAndNamesCannotInjectMarkup() throws Exception {
        List<AlertEvent> alerts = new ArrayList<>(twitter());
        AlertEvent evil = event("x\"><img src=x>/../../etc", "<b>evil</b>", AlertEvent.OPEN, "opened", at("16:30"));
        evil.samplePosts = new ArrayList<>(List.of("<script>alert('down')</script> & \"quotes\"\u0001"));
        evil.officialStatus = "</blockquote><iframe>";
        alerts.add(evil);

        IncidentReport.write(alerts, ReportFixtures.pointsFile(dir, List.of()), dir);

        Path page = dir.resolve("x___img_src_x__.._.._etc.html");
        assertThat(page).isRegularFile();
        String html = Files.readString(page);
        assertThat(html).doesNotContain("<script", "<img", "<b>evil", "<iframe")
                .contains("&lt;script&gt;alert(&#39;down&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;\uFFFD",
                        "&lt;b&gt;evil&lt;/b&gt;", "&lt;/blockquote&gt;&lt;iframe&gt;");
        assertThat(Files.readString(dir.resolve("index.html")))
                .contains("href=\"x___img_src_x__.._.._etc.html\"").doesNotContain("<img", "<b>evil");
        svgOf(page); // still well-formed XML
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> !n.contains("/"));
        }
    }

    @Test
    void aRunWithoutIncidentsStillHasAnIndex() throws Exception {
        Path index = IncidentReport.write(List.of(), ReportFixtures.pointsFile(dir, List.of(
                new MinutePoint("twitter", at("16:00"), 1, 1, 1.0, 3))), dir);
        assertThat(Files.readString(index)).contains("No incidents.");
    }

    private static Document svgOf(Path page) throws Exception {
        String html = Files.readString(page);
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length());
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList xpath(Document doc, String expr) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(expr, doc, XPathConstants.NODESET);
    }

    private static double markerX(Document svg, String kind) throws Exception {
        NodeList lines = xpath(svg, "//g[@data-kind='" + kind + "']/line");
        assertThat(lines.getLength()).as("markers of kind %s", kind).isEqualTo(1);
        Element line = (Element) lines.item(0);
        assertThat(line.getAttribute("x1")).isEqualTo(line.getAttribute("x2"));
        return Double.parseDouble(line.getAttribute("x1"));
    }

    private static String labelOf(Document svg, String kind) throws Exception {
        return xpath(svg, "//g[@data-kind='" + kind + "']/text").item(0).getTextContent();
    }
}
