package se.kasam.platform.jdbc;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import se.kasam.platform.problem.ProblemMappers;
import se.kasam.platform.problem.ProblemType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A concurrent change (optimistic lock) as a 409 problem; platform-web's ProblemMappers map the rest. */
public class ConcurrentChangeMapper {
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return ProblemMappers.respond(ProblemType.CONFLICT,
                "the resource was changed by someone else at the same time; read it again", List.of(), uri, headers);
    }
}
