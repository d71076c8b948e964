/**
 * Inference-time adaptation: online classifier heads over frozen embeddings that bid for microtasks and learn from every
 * accepted output (online distillation from premium models), dynamic few-shot examples, and bandits over decoding
 * presets. Start at {@link dev.atomic.adapt.Adaptation}.
 */
package dev.atomic.adapt;
