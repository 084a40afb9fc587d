package se.kasam.survey.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

/** Against figures computed independently (SciPy 1.17: ttest_rel, wilcoxon(zero_method='pratt'), ttest_ind(equal_var=False)). */
class ChangeTest {
    static final double[] BEFORE = {60, 55, 70, 48, 66, 71, 59, 62, 50, 64, 58, 67};
    static final double[] AFTER = {63, 55, 74, 52, 66, 70, 65, 62, 57, 66, 61, 72};

    @Test
    void pairedAsSciPyHasIt() {
        Change.Paired p = Change.paired(BEFORE, AFTER);
        assertEquals(12, p.n());
        assertEquals(2.75, p.meanDifference(), 1e-12);
        assertEquals(2.598076211353316, p.sdDifference(), 1e-12);
        assertEquals(1.0992611299312707, p.ciLow(), 1e-9);
        assertEquals(4.4007388700687295, p.ciHigh(), 1e-9);
        assertEquals(3.6666666666666674, p.t(), 1e-9);
        assertEquals(0.0037111516802904314, p.pValue(), 1e-9);
        // three zero differences ranked 1-3 then dropped; the one negative (-1) has rank 4: W+ = 78 - 6 - 4
        assertEquals(68, p.wilcoxonW(), 1e-12);
        assertEquals(0.011092775855649132, p.wilcoxonPValue(), 1e-9);
        assertEquals(1.058475493514314, p.dz(), 1e-9);
        assertEquals(0.39169154571921927, p.dav(), 1e-9);
        assertEquals(1.058475493514314 * (1 - 3.0 / 43), p.gz(), 1e-9); // J = 1 - 3 / (4 df - 1), df 11
    }

    @Test
    void unpairedIsWelch() {
        Summary before = new Summary(0, 0);
        Summary after = new Summary(0, 0);
        for (int i = 0; i < BEFORE.length; i++) {
            before.add(BEFORE[i]);
            after.add(AFTER[i]);
        }
        var b = before.figures();
        var a = after.figures();
        Change.Unpaired u = Change.unpaired(b.n(), b.mean(), b.sd(), a.n(), a.mean(), a.sd());
        assertEquals(0.9584912217620741, u.t(), 1e-9);
        assertEquals(0.3483126907680457, u.pValue(), 1e-9);
        assertEquals(2.75, u.meanDifference(), 1e-12);
        assertEquals(0.39169154571921927, u.dav(), 1e-9);
        assertEquals(0.39169154571921927 * (1 - 3.0 / 87), u.gav(), 1e-9);
    }

    @Test
    void noSpreadGivesNoTestButNoFailureEither() {
        Change.Paired p = Change.paired(new double[]{3, 4, 5}, new double[]{4, 5, 6});
        assertEquals(1, p.meanDifference(), 1e-12);
        assertEquals(1, p.ciLow(), 1e-12);
        assertEquals(Double.NaN, p.t());
        assertEquals(Double.NaN, p.dz());
        Change.Unpaired u = Change.unpaired(5, 3, 0, 6, 4, 0);
        assertEquals(1, u.meanDifference(), 1e-12);
        assertEquals(Double.NaN, u.pValue());
    }

    @Test
    void withoutZerosPrattIsTheLibrarysAsymptoticTest() {
        double[] d = {1.5, -2, 3, 4.5, 2, -0.5, 6, 2, 7, -3, 5, 1};
        var library = WilcoxonSignedRankTest.withDefaults().with(PValueMethod.ASYMPTOTIC)
                .with(ContinuityCorrection.DISABLED).test(d);
        double[] ours = Change.wilcoxonPratt(d);
        assertEquals(library.getStatistic(), ours[0], 1e-12);
        assertEquals(library.getPValue(), ours[1], 1e-12);
    }

    @Test
    void summaryFiguresAndDistribution() {
        Summary s = new Summary(1, 5);
        for (int v : new int[]{1, 2, 2, 4, 5, 5, 5}) {
            s.add(v);
        }
        var f = s.figures();
        assertEquals(7, f.n());
        assertEquals(24.0 / 7, f.mean(), 1e-12);
        // squares 1 + 4 + 4 + 16 + 75 = 100; SS = 100 - 576 / 7
        assertEquals(Math.sqrt((100 - 576.0 / 7) / 6), f.sd(), 1e-12);
        assertArrayEquals(new long[]{1, 2, 0, 1, 3}, f.distribution());
    }
}
