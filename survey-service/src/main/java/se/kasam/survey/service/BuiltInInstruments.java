package se.kasam.survey.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import se.kasam.survey.repository.InstrumentRepository;

/** Loads the built-in instruments (src/main/resources/instruments) as their first version, once. */
@ApplicationScoped
public class BuiltInInstruments {
    static final List<String> CODES = List.of("SOC-13", "HME", "KASAM-AM");

    @Inject
    InstrumentRepository instruments;

    @Inject
    Clock clock;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        for (String code : CODES) {
            try (InputStream in = BuiltInInstruments.class.getResourceAsStream("/instruments/" + code + ".json")) {
                instruments.insertIfAbsent(code, new String(in.readAllBytes(), StandardCharsets.UTF_8), OffsetDateTime.now(clock));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
