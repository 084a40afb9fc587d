package se.kasam.workshops.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TravelTest {
    @Test
    void distancesAlongTheEarth() {
        assertEquals(0, Travel.kilometres(63.85, 15.55, 63.85, 15.55), 1e-9);
        // one degree of latitude is 111.2 km on a sphere of radius 6371 km
        assertEquals(111.195, Travel.kilometres(63.0, 15.0, 64.0, 15.0), 0.001);
        // Strömsund to Östersund as the crow flies (the same formula in Python: 87.736 km)
        assertEquals(87.736, Travel.kilometres(63.8526, 15.5579, 63.1792, 14.6357), 0.001);
    }
}
