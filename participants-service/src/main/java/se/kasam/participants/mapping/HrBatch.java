package se.kasam.participants.mapping;

import java.util.List;
import se.kasam.platform.batch.BatchRow;

/** An HR batch as read from JSON or CSV, before any rule is checked. */
public record HrBatch(List<BatchRow<UnitInput>> units, List<BatchRow<EmployeeInput>> employees) {
}
