package dev.atomic.examples.invoice;

import dev.atomic.output.Description;
import java.time.LocalDate;
import java.util.List;

/** The fields of an invoice, as the extraction returns them. */
public record Invoice(
    @Description("the issuing company") String vendor,
    @Description("the invoice number exactly as printed") String number,
    @Description("the issue date") LocalDate date,
    List<Line> lines,
    @Description("the amount due, taxes included") double total,
    @Description("ISO 4217 code, such as EUR") String currency) {

  /** One billed item. */
  public record Line(String description, double quantity, double amount) {}
}
