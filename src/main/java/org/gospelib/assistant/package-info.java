/**
 * The study assistant: a reader's question answered from the corpus — verses found by the
 * question's meaning and its words, Nave's topics, commentaries, the lexicon and the scripture graph — by a language model
 * (Anthropic, OpenAI as its fallback, or a self-hosted Ollama) or, with none configured, by
 * quoting the best passages. Every citation in an answer is checked against the text before it
 * reaches the reader. Questions and answers are the reader's study data
 * ({@link org.gospelib.assistant.AssistantHistory}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant")
package org.gospelib.assistant;
