package io.logpipe.events.collector;

import io.logpipe.events.convert.EventConverter.Converted;
import io.logpipe.events.occurrence.Occurrence;

/** One output record and the occurrences it stands for. */
record Emission(Converted record, Occurrence occurrence) {}
