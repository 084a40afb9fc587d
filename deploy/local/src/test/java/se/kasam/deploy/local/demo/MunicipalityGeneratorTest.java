package se.kasam.deploy.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kasam.deploy.local.demo.MunicipalityGenerator.EmployeeRow;
import se.kasam.deploy.local.demo.MunicipalityGenerator.Municipality;
import se.kasam.deploy.local.demo.MunicipalityGenerator.UnitRow;

class MunicipalityGeneratorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @ParameterizedTest
    @ValueSource(ints = {1300, 50_000})
    void aPlausibleMunicipalityOfTheAskedSize(int size) {
        Municipality m = MunicipalityGenerator.generate(size, 42, TODAY);
        assertEquals(size, m.employees().size());
        Map<String, UnitRow> units = m.units().stream().collect(Collectors.toMap(UnitRow::code, Function.identity()));
        assertEquals(m.units().size(), units.size(), "unit codes are unique");
        Set<String> numbers = new HashSet<>();
        m.employees().forEach(e -> assertTrue(numbers.add(e.employeeNumber()), "employee numbers are unique"));
        for (UnitRow unit : m.units()) {
            assertTrue(unit.parentCode() == null ? unit.code().equals("KOMMUN") : units.containsKey(unit.parentCode()));
            assertEquals(1, unit.managers().size());
            assertTrue(numbers.contains(unit.managers().get(0)), "every manager is an employee");
        }
        for (EmployeeRow e : m.employees()) {
            assertTrue(units.containsKey(e.unitCode()));
            int age = TODAY.getYear() - e.birthYear();
            assertTrue(age >= 19 && age <= 66, "working age: " + age);
            assertTrue(!e.startDate().isAfter(TODAY));
        }
        double women = m.employees().stream().filter(e -> e.legalGender().equals("FEMALE")).count() / (double) size;
        assertTrue(women > 0.72 && women < 0.80, "about three quarters women: " + women);
        double partTime = m.employees().stream().filter(e -> e.employmentRate() < 100).count() / (double) size;
        assertTrue(partTime > 0.15 && partTime < 0.45, "part-time share: " + partTime);
        assertTrue(m.units().stream().anyMatch(u -> u.name().startsWith("Äldreboendet")));
        assertTrue(m.units().stream().anyMatch(u -> u.name().startsWith("Förskolan")));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void theSameSeedGivesTheSameMunicipality(long seed) {
        assertEquals(MunicipalityGenerator.generate(500, seed, TODAY), MunicipalityGenerator.generate(500, seed, TODAY));
    }
}
