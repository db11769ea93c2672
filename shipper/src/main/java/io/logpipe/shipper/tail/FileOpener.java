package io.logpipe.shipper.tail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * First sight of a file: find the saved position that belongs to it, if any, and check it still applies (issue 3,
 * "File identity"). A saved fingerprint may cover fewer bytes than the file has now (it was smaller when first
 * seen), so a match keeps the saved identity: that is the file's name in the positions topic.
 */
final class FileOpener {

  /** Where to start reading a newly followed file, and under which identity. */
  record Start(FileId id, long position, long tailHash) {}

  private final TailEvents events;

  FileOpener(TailEvents events) {
    this.events = events;
  }

  /**
   * @param savedForDevIno saved positions of files that had this device and inode
   * @param originals where files we follow (or just saw truncated) stand, for a rotated file first seen now: if it
   *     starts with the same bytes as one of them and holds the same bytes before that one's position, it is a copy
   *     (copy-truncate rotation) and is read on from there under its own identity, so no line is read twice
   */
  Start start(FileChannel channel, FileId fresh, List<Committed.Saved> savedForDevIno,
      List<Committed.Saved> originals) throws IOException {
    byte[] leading = FileProbe.leadingBytes(channel, Fingerprint.MAX_LENGTH);
    for (Committed.Saved original : originals) {
      if (Fingerprint.matches(original.id().fingerprint(), leading) && channel.size() >= original.position()
          && TailHash.before(channel, original.position()) == original.tailHash()) {
        return new Start(fresh, original.position(), original.tailHash());
      }
    }
    boolean stale = false;
    for (Committed.Saved saved : savedForDevIno) {
      boolean sameStart = Fingerprint.matches(saved.id().fingerprint(), leading);
      if (!sameStart) {
        stale = true; // another file had this inode; its entry is forgotten after the scan (Tailer)
        continue;
      }
      long size = channel.size();
      long tail = size >= saved.position() ? TailHash.before(channel, saved.position()) : 0;
      ResumeCheck.Outcome outcome = ResumeCheck.decide(
          new ResumeCheck.Saved(saved.id().fingerprint(), saved.position(), saved.tailHash()),
          new ResumeCheck.Observed(true, size, tail));
      if (outcome.resumes()) {
        return new Start(saved.id(), saved.position(), saved.tailHash());
      }
      events.resumeRejected(outcome);
      // Same start, but the bytes we read are gone: new content under the same identity, read from 0.
      return new Start(saved.id(), 0, 0);
    }
    if (stale) {
      events.resumeRejected(ResumeCheck.Outcome.NEW_FILE);
    }
    return new Start(fresh, 0, 0);
  }
}
