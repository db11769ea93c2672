package io.logpipe.shipper.files;

import io.logpipe.shipper.discovery.LogFileFilter.Candidate;
import io.logpipe.shipper.source.GlobScan;
import io.logpipe.shipper.deliver.SliceRecords;
import io.logpipe.shipper.tail.FileSlice;
import io.logpipe.shipper.tail.Tailer;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every extra file source of the node, shipped by one tailer and one transactional producer (issue 9): the scan is
 * the union of the sources' globs (a file matched by two sources belongs to the first listed), and each slice's
 * lines become events of the source its stream key names. One shipper for all sources keeps one reader queue and one
 * producer, not one per source.
 */
public final class FileSources implements Tailer.Scan, SliceRecords {

  private final List<GlobScan> scans = new ArrayList<>();
  private final Map<String, FileEventRecords> bySource = new LinkedHashMap<>();

  public FileSources(FileSystem fs, String node, List<FileSource> sources) {
    for (FileSource source : sources) {
      FileEventRecords records = new FileEventRecords(node, source);
      bySource.put(records.key().podUid(), records);
      scans.add(new GlobScan(fs, source.globs(), records.key()));
    }
  }

  @Override
  public List<Candidate> scan(Consumer<Path> onDirectory) {
    List<Candidate> all = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (GlobScan scan : scans) {
      for (Candidate c : scan.scan(onDirectory)) {
        if (seen.add(c.path())) {
          all.add(c);
        }
      }
    }
    return all;
  }

  @Override
  public void lines(FileSlice slice, Out out) {
    if (slice.lineCount() > 0) {
      bySource.get(slice.stream().podUid()).lines(slice, out);
    }
  }
}
