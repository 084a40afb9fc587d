package se.kasam.participants.mapping;

import java.util.List;

public record TrioGroupView(long id, long roundId, String unitCode, int version, List<Member> members) {
    public record Member(String employeeNumber, String name, String unitCode) {
    }
}
