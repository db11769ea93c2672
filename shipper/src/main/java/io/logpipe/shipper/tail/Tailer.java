package io.logpipe.shipper.tail;

import io.logpipe.schemas.PodLogPath;
import io.logpipe.schemas.StreamKey;
import io.logpipe.shipper.discovery.Discovery;
import io.logpipe.shipper.discovery.LogFileFilter.Candidate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The table of followed files, keyed by device and inode (never by path), and one pass of reading over it (issue 3:
 * discovery, identity, rotation, fairness). Used by one reader thread; {@link #committed} may be called from the
 * producer. Files are read oldest first, at most one buffer per file per pass; within one container stream a newer
 * file waits while an older one (rotated, or of an earlier restart) still has lines to read, so the stream's order
 * holds across rotation. A rotated file stays followed (held open, fully read) while it is on disk under any name we
 * ship from, and is let go only once it is gone (the kubelet compressed or deleted it): so it is never read twice.
 */
public final class Tailer implements AutoCloseable {

  /** Takes each slice read; blocks while the queue to the producer is full. */
  @FunctionalInterface
  public interface SliceSink {
    void accept(FileSlice slice) throws InterruptedException;
  }

  private static final Comparator<Candidate> OLDEST_FIRST = Comparator
      .comparingInt((Candidate c) -> c.pod().restartCount())
      .thenComparing(c -> !c.rotated())
      .thenComparing(c -> c.path().toString());

  /**
   * One walk of the log root (the {@link Discovery}); a seam so tests can change the files while it runs, and so
   * other file sources (extra node files, sidecar mode) reuse the same machinery with their own candidates.
   */
  @FunctionalInterface
  public interface Scan {
    List<Candidate> scan(Consumer<Path> onDirectory);
  }

  private final Scan discovery;
  private final TailSettings settings;
  private final Clock clock;
  private final TailEvents events;
  private final ShipProgress progress;
  private final SliceReader reader;
  private final FileOpener opener;
  private final Map<FileId.DevIno, TrackedFile> files = new HashMap<>();
  private final Queue<FileSlice> committedReleases = new ConcurrentLinkedQueue<>();
  private Map<FileId.DevIno, List<Committed.Saved>> saved = Map.of();
  private Map<FileId, Committed.Saved> unadopted = new HashMap<>();
  /** Where recently truncated files stood: a copy of one (copy-truncate) goes on from there. Bounded. */
  private final Map<FileId, Committed.Saved> truncatedLately = new java.util.LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<FileId, Committed.Saved> eldest) {
      return size() > 256;
    }
  };
  private long nextSeq;
  private volatile boolean rescanWanted = true;
  /**
   * Files the last scan found but could not follow yet, typically empty ones (nothing to fingerprint): retried on
   * their first write by {@link #followFirstWrites}. Written by the reader thread, read by others for
   * {@link #awaitsFirstBytes}.
   */
  private final Map<FileId.DevIno, Candidate> unopened = new ConcurrentHashMap<>();

  public Tailer(Discovery discovery, TailSettings settings, Clock clock, TailEvents events, ShipProgress progress) {
    this(discovery::scan, settings, clock, events, progress);
  }

  public Tailer(Scan discovery, TailSettings settings, Clock clock, TailEvents events, ShipProgress progress) {
    this.discovery = discovery;
    this.settings = settings;
    this.clock = clock;
    this.events = events;
    this.progress = progress;
    this.reader = new SliceReader(settings, events);
    this.opener = new FileOpener(events);
  }

  /**
   * Starts over from what the position store holds: at start, and after a failed delivery (whatever was read but
   * not committed is read again). Files still open keep their channels, so a deleted file is not lost.
   */
  public void resetTo(Committed committed) {
    progress.clear();
    committedReleases.clear();
    Map<FileId.DevIno, List<Committed.Saved>> index = new HashMap<>();
    committed.positions().values().forEach(s -> index.computeIfAbsent(s.id().devIno(), k -> new ArrayList<>()).add(s));
    saved = index;
    unadopted = new HashMap<>(committed.positions());
    for (Iterator<TrackedFile> it = files.values().iterator(); it.hasNext(); ) {
      TrackedFile f = it.next();
      if (committed.forgotten().contains(f.id)) {
        f.close();
        it.remove();
        continue;
      }
      Committed.Saved s = unadopted.remove(f.id);
      f.moveTo(s == null ? 0 : s.position(), s == null ? 0 : s.tailHash());
      f.releasing = false;
      progress.track(f.id, f.position);
    }
    rescanWanted = true;
  }

  /** Asks for a discovery scan before the next pass (a file appeared, the safety net, a drain check); any thread. */
  public void wantRescan() {
    rescanWanted = true;
  }

  /**
   * Whether the last scan left a file unfollowed because it could not open it yet, typically an empty one (a
   * container that has not logged): its first bytes raise only a "modified" filesystem event, which by itself
   * leads to a pass over the followed files, not to a scan.
   */
  public boolean awaitsFirstBytes() {
    return !unopened.isEmpty();
  }

  /**
   * Tries again to follow the files the last scan could not open, without walking the log root: one open attempt
   * each, so the first lines of a new container ship on its first write instead of at the next rescan. A file
   * still empty stays waiting; one replaced since the scan asks for a rescan ({@link #follow}), so a scan still
   * decides what is read first.
   */
  public void followFirstWrites() throws IOException {
    List<Map.Entry<FileId.DevIno, Candidate>> waiting = new ArrayList<>(unopened.entrySet());
    waiting.sort(Map.Entry.comparingByValue(OLDEST_FIRST));
    for (Map.Entry<FileId.DevIno, Candidate> e : waiting) {
      unopened.remove(e.getKey());
      follow(e.getValue(), e.getKey());
    }
  }

  /** Scans if one is wanted; after the first scan since a reset, forgets saved files that are gone. */
  public void rescanIfWanted(Consumer<Path> onDirectory, SliceSink sink) throws IOException, InterruptedException {
    if (!rescanWanted) {
      return;
    }
    rescanWanted = false;
    unopened.clear();
    Map<FileId.DevIno, Candidate> seen = identify(onDirectory);
    if (seen.entrySet().stream().anyMatch(e -> !e.getValue().rotated() && !files.containsKey(e.getKey()))) {
      // A new live file. Its predecessor may have been renamed after the walk listed the directory (so the walk
      // never saw the new name) and before we looked up what "0.log" is: followed now, the new file would be read
      // first. The rename happened before the new file was created, so a second walk sees the older file, which
      // then gets the earlier place (OLDEST_FIRST below). A live file new to this walk waits for the next scan,
      // for the same reason.
      for (Map.Entry<FileId.DevIno, Candidate> again : identify(onDirectory).entrySet()) {
        if (again.getValue().rotated() || seen.containsKey(again.getKey()) || files.containsKey(again.getKey())) {
          seen.put(again.getKey(), again.getValue()); // its newest name
        } else {
          rescanWanted = true;
        }
      }
    }
    Set<FileId.DevIno> liveNow = new HashSet<>();
    Set<FileId.DevIno> presentNow = new HashSet<>();
    List<Map.Entry<FileId.DevIno, Candidate>> fresh = new ArrayList<>();
    for (Map.Entry<FileId.DevIno, Candidate> e : seen.entrySet()) {
      Candidate c = e.getValue();
      presentNow.add(e.getKey());
      if (!c.rotated()) {
        liveNow.add(e.getKey());
      }
      TrackedFile known = files.get(e.getKey());
      if (known != null) {
        known.path = c.path();
        known.pod = c.pod();
      } else {
        // Rotated files too: one rotated while we were down still holds unshipped lines (saved position or not).
        fresh.add(e);
      }
    }
    fresh.sort(Map.Entry.comparingByValue(OLDEST_FIRST));
    for (Map.Entry<FileId.DevIno, Candidate> e : fresh) {
      follow(e.getValue(), e.getKey());
    }
    for (TrackedFile f : files.values()) {
      boolean live = liveNow.contains(f.id.devIno());
      if (f.live && !live) {
        events.rotated();
      }
      f.live = live;
      f.present = presentNow.contains(f.id.devIno());
    }
    Instant now = clock.instant();
    for (Committed.Saved gone : unadopted.values()) {
      StreamKey stream = PodLogPath.parse(gone.path()).map(PodLogPath::stream).orElse(null);
      sink.accept(FileSlice.release(gone.id(), gone.path(), stream, gone.position(), gone.tailHash(), now));
    }
    unadopted.clear();
    progress.scanned();
  }

  /** Every candidate of one walk by device and inode (looked up after the walk listed it). */
  private Map<FileId.DevIno, Candidate> identify(Consumer<Path> onDirectory) throws IOException {
    Map<FileId.DevIno, Candidate> seen = new LinkedHashMap<>();
    for (Candidate c : discovery.scan(onDirectory)) {
      Optional<FileId.DevIno> devIno = FileProbe.devIno(c.path());
      if (devIno.isPresent()) {
        seen.put(devIno.get(), c);
      }
    }
    return seen;
  }

  /** Follows the file the scan identified as {@code expected} under {@code c}'s path, if that is still it. */
  private void follow(Candidate c, FileId.DevIno expected) throws IOException {
    Optional<FileProbe.OpenFile> opened = FileProbe.open(c.path());
    if (opened.isEmpty()) {
      unopened.put(expected, c); // gone, empty, or replaced while opening: its first write or the next scan retries
      return;
    }
    FileProbe.OpenFile open = opened.get();
    if (!open.id().devIno().equals(expected)) {
      // Renamed and replaced since the scan: this is a newer file, whose predecessor must be followed first.
      open.channel().close();
      rescanWanted = true;
      return;
    }
    if (files.containsKey(open.id().devIno())) {
      open.channel().close();
      return;
    }
    FileOpener.Start start = opener.start(open.channel(), open.id(),
        saved.getOrDefault(open.id().devIno(), List.of()), c.rotated() ? originals() : List.of());
    TrackedFile f = new TrackedFile(open.channel(), start.id(), nextSeq++, c.path(), c.pod(), clock.instant());
    f.moveTo(start.position(), start.tailHash());
    f.live = !c.rotated();
    files.put(open.id().devIno(), f);
    unadopted.remove(start.id());
    progress.track(f.id, f.position);
    progress.sized(f.id, open.channel().size());
  }

  private List<Committed.Saved> originals() {
    List<Committed.Saved> all = new ArrayList<>(truncatedLately.values());
    for (TrackedFile f : files.values()) {
      all.add(new Committed.Saved(f.id, f.path.toString(), f.position, f.tailHash));
    }
    return all;
  }

  /** One pass over every followed file, oldest first; returns the bytes consumed. */
  public long pass(SliceSink sink) throws IOException, InterruptedException {
    closeCommittedReleases();
    List<TrackedFile> order = new ArrayList<>(files.values());
    order.sort(Comparator.comparingLong(f -> f.seq));
    Set<StreamKey> waiting = new HashSet<>();
    Instant now = clock.instant();
    long consumed = 0;
    for (TrackedFile f : order) {
      if (f.releasing) {
        continue;
      }
      long size = f.channel.size();
      progress.sized(f.id, size);
      if (waiting.contains(f.pod.stream())) {
        continue;
      }
      boolean grew = size != f.lastSize;
      if (grew) {
        f.lastGrowth = now;
        f.lastSize = size;
      }
      if (size < f.position || (grew && !sameStart(f))) {
        truncated(f, sink, now);
        continue;
      }
      boolean idle = Duration.between(f.lastGrowth, now).compareTo(settings.rotateWait()) >= 0;
      long before = f.position;
      if (f.position < size) {
        Optional<FileSlice> slice = reader.read(f, size, !f.live && idle, now);
        if (slice.isPresent()) {
          sink.accept(slice.get());
        }
      }
      consumed += f.position - before;
      if (f.position < size && f.position > before) {
        waiting.add(f.pod.stream());
      } else if (LetGo.mayLetGo(f.present, f.position, size, Duration.between(f.lastGrowth, now),
          settings.rotateWait())) {
        f.releasing = true;
        events.fileReleased();
        sink.accept(FileSlice.release(f.id, f.path.toString(), f.pod.stream(), f.position, f.tailHash, now));
      }
    }
    return consumed;
  }

  /** Copy-truncate (or truncate-and-refill): the old content's position is forgotten, the file is found anew. */
  private void truncated(TrackedFile f, SliceSink sink, Instant now) throws InterruptedException {
    events.truncated();
    truncatedLately.put(f.id, new Committed.Saved(f.id, f.path.toString(), f.position, f.tailHash));
    f.close();
    files.remove(f.id.devIno());
    progress.forget(f.id);
    rescanWanted = true;
    sink.accept(FileSlice.release(f.id, f.path.toString(), f.pod.stream(), f.position, f.tailHash, now));
  }

  private static boolean sameStart(TrackedFile f) throws IOException {
    byte[] leading = FileProbe.leadingBytes(f.channel, Fingerprint.length(f.id.fingerprint()));
    return Fingerprint.matches(f.id.fingerprint(), leading);
  }

  /** The producer committed these slices; files released in them are closed on the reader's next pass. */
  public void committed(List<FileSlice> slices) {
    for (FileSlice s : slices) {
      progress.committed(s.id(), s.endPosition());
      if (s.lastOfFile()) {
        progress.forget(s.id());
        committedReleases.add(s);
      }
    }
  }

  private void closeCommittedReleases() {
    for (FileSlice s = committedReleases.poll(); s != null; s = committedReleases.poll()) {
      TrackedFile f = files.get(s.id().devIno());
      if (f != null && f.id.equals(s.id()) && f.releasing) {
        f.close();
        files.remove(s.id().devIno());
      }
    }
  }

  /** The arrays the reader reads full passes into: link them to the queue ({@link SliceQueue#recycleInto}). */
  public ReadBuffers readBuffers() {
    return reader.buffers();
  }

  public int filesFollowed() {
    return files.size();
  }

  @Override
  public void close() {
    files.values().forEach(TrackedFile::close);
    files.clear();
  }
}
