package dev.atomic.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.output.bind.Binder;
import dev.atomic.output.parse.Repair;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any valid value, written as JSON with one repairable fault, parses back to the same value, and says what it fixed. */
class RepairProperties {

  private static final StructuredOutput<Fixtures.SpamVerdict> VERDICTS = StructuredOutput.of(Fixtures.SpamVerdict.class);
  private static final StructuredOutput<Fixtures.Ticket> TICKETS = StructuredOutput.of(Fixtures.Ticket.class);
  private static final Binder VERDICT_JSON = Binder.forType(Fixtures.SpamVerdict.class);
  private static final Binder TICKET_JSON = Binder.forType(Fixtures.Ticket.class);

  @Property(tries = 300, seed = "20261126")
  void spamVerdict_oneFault_parsesBack(@ForAll("verdicts") Fixtures.SpamVerdict v, @ForAll FaultyJson.Fault fault,
      @ForAll long seed) {
    String damaged = FaultyJson.write(VERDICT_JSON.toJson(v), fault, seed);
    Assume.that(damaged != null);
    Parsed<Fixtures.SpamVerdict> parsed = VERDICTS.parse(damaged);
    assertThat(parsed.value()).as(damaged).isEqualTo(v);
    assertThat(parsed.repairs()).extracting(Repair::kind).as(damaged).contains(fault.repair);
  }

  @Property(tries = 300, seed = "20261127")
  void ticket_oneFault_parsesBack(@ForAll("tickets") Fixtures.Ticket t, @ForAll FaultyJson.Fault fault,
      @ForAll long seed) {
    String damaged = FaultyJson.write(TICKET_JSON.toJson(t), fault, seed);
    Assume.that(damaged != null);
    Parsed<Fixtures.Ticket> parsed = TICKETS.parse(damaged);
    assertThat(parsed.value()).as(damaged).isEqualTo(t);
    assertThat(parsed.repairs()).extracting(Repair::kind).as(damaged).contains(fault.repair);
  }

  @Property(tries = 200, seed = "20261128")
  void validOutput_parsesWithoutRepairs(@ForAll("tickets") Fixtures.Ticket t) {
    Parsed<Fixtures.Ticket> parsed = TICKETS.parse(TICKET_JSON.write(t));
    assertThat(parsed.value()).isEqualTo(t);
    assertThat(parsed.repairs()).isEmpty();
  }

  /** Text a model might write, including quotes, apostrophes, backslashes, newlines, braces and non-ASCII letters. */
  static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789'\"\\\n{}[]:,#/*-_.!?éüß€")
        .ofMaxLength(24);
  }

  @Provide
  Arbitrary<Fixtures.SpamVerdict> verdicts() {
    return Combinators.combine(
            Arbitraries.of(true, false),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.of(Fixtures.Category.class),
            text().list().ofMaxSize(4))
        .as(Fixtures.SpamVerdict::new);
  }

  @Provide
  Arbitrary<Fixtures.Ticket> tickets() {
    Arbitrary<Fixtures.ReplyDraft> reply = Combinators.combine(text(), text(), text().optional(),
        Arbitraries.integers())
        .as((s, b, cc, p) -> new Fixtures.ReplyDraft(s, b, cc, p));
    Arbitrary<Map<String, Integer>> scores = Arbitraries.maps(
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), Arbitraries.integers().between(-1000, 1000))
        .ofMaxSize(4);
    return Combinators.combine(text(), Arbitraries.of(Fixtures.Category.class), text().list().ofMaxSize(3), scores,
            reply)
        .as(Fixtures.Ticket::new);
  }

}
