package io.tidbcloud.observability;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.jboss.logging.Logger;

/** Writes one log line per request, on the event loop or on a worker thread, naming the thread. */
@Path("/log")
public class LoggingResource {

    private static final Logger LOG = Logger.getLogger(LoggingResource.class);

    @GET
    @Path("/event-loop")
    @NonBlocking
    public String onEventLoop(@QueryParam("mark") String mark) {
        LOG.infof("mark %s on %s", mark, Thread.currentThread().getName());
        return mark;
    }

    @GET
    @Path("/worker")
    @Blocking
    public String onWorker(@QueryParam("mark") String mark) {
        LOG.infof("mark %s on %s", mark, Thread.currentThread().getName());
        return mark;
    }
}
