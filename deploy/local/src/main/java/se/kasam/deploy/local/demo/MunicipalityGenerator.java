package se.kasam.deploy.local.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A plausible Swedish municipality of any size, the same for the same seed: administrations and workplaces
 * (elderly care, schools and preschools, social services, technical services, central administration), about
 * three quarters women (more in care and schools, fewer in technical services), realistic ages and employment
 * rates, and a manager for every unit. The rows are what the HR system would send; loading them is the caller's.
 */
public final class MunicipalityGenerator {
    /** One kind of workplace: its administration, name stem, usual size, share of women and of part-time. */
    private record Kind(String administration, String stem, String occupation, int size, double women,
                        double partTime, double shiftHours) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("SOC", "Äldreboendet", "Undersköterska", 28, 0.88, 0.55, 38.25),
            new Kind("SOC", "Hemtjänsten", "Undersköterska", 22, 0.86, 0.50, 38.25),
            new Kind("SOC", "LSS-boendet", "Stödassistent", 14, 0.75, 0.45, 38.25),
            new Kind("SOC", "Individ- och familjeomsorgen", "Socialsekreterare", 16, 0.85, 0.10, 40),
            new Kind("BUF", "Förskolan", "Förskollärare", 16, 0.95, 0.30, 40),
            new Kind("BUF", "Skolan", "Grundskollärare", 30, 0.82, 0.15, 40),
            new Kind("BUF", "Gymnasiet", "Gymnasielärare", 35, 0.65, 0.10, 40),
            new Kind("TEK", "Gata och park", "Parkarbetare", 12, 0.25, 0.05, 40),
            new Kind("TEK", "Kostenheten", "Kock", 14, 0.90, 0.35, 40),
            new Kind("TEK", "Lokalvården", "Lokalvårdare", 15, 0.85, 0.30, 40),
            new Kind("TEK", "Fastighet och VA", "Drifttekniker", 12, 0.20, 0.05, 40),
            new Kind("KS", "Ekonomi och HR", "Handläggare", 12, 0.78, 0.10, 40));
    private static final List<String[]> ADMINISTRATIONS = List.of(
            new String[] {"SOC", "Socialförvaltningen"}, new String[] {"BUF", "Barn- och utbildningsförvaltningen"},
            new String[] {"TEK", "Tekniska förvaltningen"}, new String[] {"KS", "Kommunstyrelseförvaltningen"});
    private static final String[] PLACES = {"Strömsund", "Hammerdal", "Hoting", "Backe", "Gäddede", "Ulriksfors",
            "Tullingsås", "Rossön", "Föllinge", "Kyrktåsjö", "Lidsjöberg", "Alanäs", "Bredkälen", "Jormvattnet"};
    private static final String[] WOMEN = {"Anna", "Eva", "Maria", "Karin", "Sara", "Emma", "Lena", "Kristina",
            "Sofia", "Linnea", "Ida", "Elin", "Malin", "Johanna", "Camilla", "Helena", "Jenny", "Frida", "Hanna", "Maja"};
    private static final String[] MEN = {"Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Nils",
            "Jonas", "Oskar", "Magnus", "Fredrik", "Daniel", "Mattias", "Henrik", "Olof", "Viktor", "Emil"};
    private static final String[] SURNAMES = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
            "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Jonsson", "Holm", "Sjöberg", "Lindqvist",
            "Berg", "Nyström", "Ek", "Hedlund", "Östlund", "Jonasson", "Strand", "Wikström", "Bergström"};

    public record UnitRow(String code, String name, String parentCode, List<String> managers) {
    }

    public record EmployeeRow(String employeeNumber, String name, String email, String legalGender, int birthYear,
                              String unitCode, String occupation, int employmentRate, double fullTimeHours,
                              String employmentType, LocalDate startDate) {
    }

    public record Municipality(List<UnitRow> units, List<EmployeeRow> employees) {
    }

    private MunicipalityGenerator() {
    }

    /** About {@code employees} employees (within one workplace's size), as of {@code today}. */
    public static Municipality generate(int employees, long seed, LocalDate today) {
        Random random = new Random(seed);
        List<UnitRow> units = new ArrayList<>();
        List<EmployeeRow> staff = new ArrayList<>();
        int[] next = {1};
        String director = number(next);
        units.add(new UnitRow("KOMMUN", "Strömsunds kommun", null, List.of(director)));
        staff.add(person(random, director, "KOMMUN", "Kommundirektör", 0.5, 0.0, 40, today));
        for (String[] administration : ADMINISTRATIONS) {
            String head = number(next);
            units.add(new UnitRow(administration[0], administration[1], "KOMMUN", List.of(head)));
            staff.add(person(random, head, administration[0], "Förvaltningschef", 0.6, 0.0, 40, today));
        }
        int workplace = 0;
        while (staff.size() < employees) {
            Kind kind = KINDS.get(workplace % KINDS.size());
            String code = kind.administration() + "-" + String.format("%04d", ++workplace);
            String name = kind.stem() + " " + PLACES[(workplace / KINDS.size()) % PLACES.length]
                    + (workplace > KINDS.size() * PLACES.length ? " " + (workplace / (KINDS.size() * PLACES.length) + 1) : "");
            int size = Math.max(3, (int) Math.round(kind.size() * (0.6 + 0.8 * random.nextDouble())));
            size = Math.min(size, employees - staff.size());
            String manager = number(next);
            units.add(new UnitRow(code, name, kind.administration(), List.of(manager)));
            staff.add(person(random, manager, code, "Enhetschef", kind.women(), 0.0, 40, today));
            for (int i = 1; i < size; i++) {
                staff.add(person(random, number(next), code, kind.occupation(), kind.women(), kind.partTime(),
                        kind.shiftHours(), today));
            }
        }
        return new Municipality(units, staff);
    }

    private static EmployeeRow person(Random random, String number, String unit, String occupation, double women,
                                      double partTime, double shiftHours, LocalDate today) {
        boolean woman = random.nextDouble() < women;
        String first = woman ? WOMEN[random.nextInt(WOMEN.length)] : MEN[random.nextInt(MEN.length)];
        String last = SURNAMES[random.nextInt(SURNAMES.length)];
        // working ages 19-66, weighted towards the middle, as in municipal staff
        int age = 19 + (int) Math.round(Math.min(47, Math.max(0, 24 + random.nextGaussian() * 11)));
        int rate = random.nextDouble() < partTime ? new int[] {50, 75, 80, 90}[random.nextInt(4)] : 100;
        double draw = random.nextDouble();
        String type = draw < 0.86 ? "PERMANENT" : draw < 0.97 ? "FIXED_TERM" : "HOURLY";
        int yearsEmployed = Math.min(age - 18, (int) Math.abs(random.nextGaussian() * 9));
        LocalDate start = today.minusYears(yearsEmployed).withDayOfYear(1 + random.nextInt(360));
        String email = (first + "." + last + "." + number).toLowerCase()
                .replace('å', 'a').replace('ä', 'a').replace('ö', 'o') + "@example.org";
        return new EmployeeRow(number, first + " " + last, email, woman ? "FEMALE" : "MALE", today.getYear() - age,
                unit, occupation, rate, shiftHours, type, start.isAfter(today) ? today : start);
    }

    private static String number(int[] next) {
        return String.format("E%06d", next[0]++);
    }
}
