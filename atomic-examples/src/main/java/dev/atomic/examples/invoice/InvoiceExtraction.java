package dev.atomic.examples.invoice;

import dev.atomic.functions.Instructions;
import dev.atomic.functions.Limits;
import dev.atomic.functions.Result;
import dev.atomic.functions.Task;

/** The user's task: a document in, a typed invoice out. */
public interface InvoiceExtraction {

  @Task("invoice.extract")
  @Instructions(resource = "invoice/extract.txt")
  @Limits(maxCostUsd = 0.05, minQuality = 0.5, dataClasses = {"finance"})
  Result<Invoice> extract(String document);
}
