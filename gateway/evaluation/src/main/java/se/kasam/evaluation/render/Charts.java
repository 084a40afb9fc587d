package se.kasam.evaluation.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Bar and line charts drawn by JFreeChart onto Batik's SVG generator, as inline SVG with a title for screen readers
 * (the page puts the same figures in a table beside each chart). Colours are dark enough for text contrast on white.
 */
public final class Charts {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final List<Color> PALETTE = List.of(new Color(0x1f5fa8), new Color(0xb3412c), new Color(0x2e7d32),
            new Color(0x6a3d9a));
    private static final int WIDTH = 720;
    private static final int HEIGHT = 340;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** A chart's series over its categories; a null value is a gap (suppressed or missing), never a nought. */
    public record Data(List<String> series, List<String> categories, Double[][] values) {
    }

    private Charts() {
    }

    public static String bars(String id, String title, String valueAxis, Data data) {
        JFreeChart chart = ChartFactory.createBarChart(null, null, valueAxis, dataset(data), PlotOrientation.VERTICAL,
                true, false, false);
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        return svg(id, title, style(chart));
    }

    public static String lines(String id, String title, String valueAxis, Data data) {
        JFreeChart chart = ChartFactory.createLineChart(null, null, valueAxis, dataset(data), PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ((LineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(false);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        // every sixth month labelled, so the labels stay legible
        for (int i = 0; i < data.categories().size(); i++) {
            if (i % 6 != 0) {
                axis.setTickLabelPaint(data.categories().get(i), new Color(0, 0, 0, 0));
            }
        }
        return svg(id, title, style(chart));
    }

    private static DefaultCategoryDataset dataset(Data data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int s = 0; s < data.series().size(); s++) {
            for (int c = 0; c < data.categories().size(); c++) {
                dataset.addValue(data.values()[s][c], data.series().get(s), data.categories().get(c));
            }
        }
        return dataset;
    }

    private static JFreeChart style(JFreeChart chart) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(font);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xbdbdbd));
        plot.setOutlineVisible(false);
        plot.getDomainAxis().setTickLabelFont(font);
        plot.getRangeAxis().setTickLabelFont(font);
        plot.getRangeAxis().setLabelFont(font);
        for (int i = 0; i < PALETTE.size(); i++) {
            plot.getRenderer().setSeriesPaint(i, PALETTE.get(i));
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2.5f));
        }
        return chart;
    }

    private static String svg(String id, String title, JFreeChart chart) {
        Document document = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NS, "svg", null);
        SVGGraphics2D graphics = new SVGGraphics2D(document);
        graphics.setSVGCanvasSize(new Dimension(WIDTH, HEIGHT));
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        Element root = graphics.getRoot();
        root.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        root.setAttribute("role", "img");
        root.setAttribute("aria-labelledby", id + "-title");
        root.setAttribute("id", id);
        Element titleElement = document.createElementNS(SVG_NS, "title");
        titleElement.setAttribute("id", id + "-title");
        titleElement.setTextContent(title);
        root.insertBefore(titleElement, root.getFirstChild());
        try {
            StringWriter out = new StringWriter();
            graphics.stream(root, out, true, false);
            // inline in the page: without the XML declaration and DOCTYPE Batik writes first, and in the page's
            // own sans-serif rather than Java's logical 'Dialog'
            String svg = out.toString();
            return svg.substring(svg.indexOf("<svg")).replace("'Dialog'", "sans-serif");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            graphics.dispose();
        }
    }
}
