package se.kasam.participants.mapping;

import java.util.Set;

public record UnitView(String code, String name, String parentCode, Set<String> managers, int version) {
}
