package dev.atomic.temporal;

import dev.atomic.engine.CallOutcome;
import java.util.List;

/**
 * What a pipeline workflow returns (or attaches to its failure): the request and every served call with its award,
 * from which the client rebuilds the {@link dev.atomic.engine.RunResult} with the same rules the workflow ran.
 *
 * @param requestJson the request as JSON
 * @param calls every served call, in the order served
 */
public record RunRecord(String requestJson, List<CallOutcome> calls) {

  public RunRecord {
    calls = List.copyOf(calls);
  }
}
