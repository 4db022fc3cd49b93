#include "store/ingest_driver.h"

#include "core/event_json.h"
#include "store/store_internal.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <time.h>

namespace vigie::store {

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the calling thread, in nanoseconds.
uint64_t ThreadCpuNanos() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ULL + static_cast<uint64_t>(ts.tv_nsec);
}

// Adds the calling thread's CPU time over its lifetime to a counter.
class CpuTimer {
 public:
  explicit CpuTimer(std::atomic<uint64_t>& sink) : sink_(sink), start_(ThreadCpuNanos()) {}
  ~CpuTimer() { sink_ += ThreadCpuNanos() - start_; }

 private:
  std::atomic<uint64_t>& sink_;
  uint64_t start_;
};

// One unit of the ordered stream the writer consumes: a problem found by the reader,
// a document ready to store, or a document whose analysis failed.
struct Item {
  enum Kind { kProblem, kDocument } kind = kProblem;
  ingest::Problem problem;
  DocumentEntry entry;
};

class Driver {
 public:
  Driver(Store& store, const pipeline::Pipeline& pipe, const IngestOptions& o)
      : store_(store), pipe_(pipe), o_(o), start_(Clock::now()) {
    workers_ = o.workers > 0 ? o.workers : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    window_ = static_cast<uint64_t>(workers_) * 8 + o.batch_documents;
  }

  StatusOr<IngestProgress> Run();

 private:
  void OnDocument(Document&& d);
  void OnProblem(const ingest::Problem& p);
  void Enqueue(Item&& item);  // a problem straight to the writer
  void Worker();
  void Writer();
  Status Flush(DocumentBatch* batch);
  IngestProgress Snapshot(bool done) const;
  void Abort(Status st) {
    std::lock_guard lock(mu_);
    if (status_.ok()) status_ = std::move(st);
    abort_ = true;
    work_cv_.notify_all();
    result_cv_.notify_all();
    space_cv_.notify_all();
  }

  Store& store_;
  const pipeline::Pipeline& pipe_;
  const IngestOptions& o_;
  Clock::time_point start_;
  int workers_ = 1;
  uint64_t window_ = 64;

  std::mutex callback_mu_;
  std::mutex mu_;
  std::condition_variable work_cv_, result_cv_, space_cv_;
  std::deque<std::pair<uint64_t, Document>> work_;
  std::map<uint64_t, Item> results_;
  uint64_t next_seq_ = 0;     // next sequence number the reader hands out
  uint64_t written_seq_ = 0;  // next sequence number the writer takes
  bool reading_done_ = false, abort_ = false;
  Status status_;

  // Reader-thread state.
  std::unordered_map<std::string, std::string> seen_;  // id -> content hash, this run
  std::unique_ptr<Store> reader_;

  std::atomic<uint64_t> read_{0}, bytes_{0}, stored_{0}, skipped_{0}, events_{0}, errors_{0}, warnings_{0};
  std::atomic<uint64_t> analysis_cpu_ns_{0}, store_cpu_ns_{0}, store_prep_cpu_ns_{0};

  // Writer-thread state: bulk loading.
  Status StartOrFinishBulk(size_t coming);
  Status FinishBulk();
  uint64_t stored_at_start_ = 0;  // documents in the store when the run started
  uint64_t run_written_ = 0;      // documents this run has written
  uint64_t since_build_ = 0;      // ...since the store last built its indexes
  bool bulk_ = false;
  std::atomic<uint64_t> index_builds_{0}, index_build_cpu_ns_{0}, index_build_wall_ns_{0};
};

IngestProgress Driver::Snapshot(bool done) const {
  IngestProgress p;
  p.documents_read = read_, p.bytes_read = bytes_, p.documents_stored = stored_, p.documents_skipped = skipped_;
  p.events = events_, p.errors = errors_, p.warnings = warnings_;
  p.elapsed_seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  p.analysis_cpu_seconds = analysis_cpu_ns_ / 1e9;
  p.store_cpu_seconds = store_cpu_ns_ / 1e9;
  p.store_prep_cpu_seconds = store_prep_cpu_ns_ / 1e9;
  p.index_builds = index_builds_;
  p.index_build_cpu_seconds = index_build_cpu_ns_ / 1e9;
  p.index_build_seconds = index_build_wall_ns_ / 1e9;
  p.done = done;
  return p;
}

void Driver::OnDocument(Document&& d) {
  ++read_;
  bytes_ += d.raw.size();
  {
    std::lock_guard lock(mu_);
    if (abort_) return;
  }
  std::string hash = ContentHash(d);
  auto seen = seen_.find(d.id);
  if (seen != seen_.end() && seen->second == hash) {  // repeated in this run's input
    ++skipped_;
    return;
  }
  // A separate read connection: checking never waits for the writer's transaction.
  StatusOr<DocState> state = DocState::kAbsent;
  {
    CpuTimer timer(store_cpu_ns_);
    state = reader_->CheckDocument(d.id, hash, o_.pipeline_version);
  }
  if (!state.ok()) {
    Abort(state.status());
    return;
  }
  seen_[d.id] = hash;
  if (*state == DocState::kCurrent || (*state == DocState::kOtherVersion && !o_.reprocess)) {
    ++skipped_;
    return;
  }
  std::unique_lock lock(mu_);
  space_cv_.wait(lock, [&] { return abort_ || next_seq_ - written_seq_ < window_; });
  if (abort_) return;
  work_.emplace_back(next_seq_++, std::move(d));
  work_cv_.notify_one();
}

void Driver::OnProblem(const ingest::Problem& p) {
  if (o_.on_problem) {
    std::lock_guard lock(callback_mu_);
    o_.on_problem(p);
  }
  Item item;
  item.problem = p;
  Enqueue(std::move(item));
}

void Driver::Enqueue(Item&& item) {
  std::lock_guard lock(mu_);
  if (abort_) return;
  results_.emplace(next_seq_++, std::move(item));
  result_cv_.notify_all();
}

void Driver::Worker() {
  for (;;) {
    std::pair<uint64_t, Document> job;
    {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return abort_ || reading_done_ || !work_.empty(); });
      if (abort_ || work_.empty()) return;
      job = std::move(work_.front());
      work_.pop_front();
    }
    Item item;
    Origin origin = job.second.origin;
    std::string id = job.second.id;
    const uint64_t started = ThreadCpuNanos();
    uint64_t prep_ns = 0;
    try {
      pipeline::Analysis a = pipe_.Analyze(std::move(job.second));
      Extraction x;
      if (o_.extract) x = o_.extract(a);
      DocumentEntry& e = item.entry;
      AssignEventIds(a.doc.id, &x.events);
      const uint64_t prep_started = ThreadCpuNanos();
      for (const EventRecord& ev : x.events) e.events_json.push_back(core::EventToJson(ev));
      e.events = std::move(x.events);
      e.mentions = std::move(x.mentions);
      for (const auto& h : a.clean.hashtags)
        e.mentions.push_back({"hashtag", h.tag, h.raw_start, h.raw_end, h.removed ? "{\"removed\":true}" : "{}"});
      if (!e.mentions.empty()) e.mentions_packed = internal::PackMentions(e.mentions);
      prep_ns = ThreadCpuNanos() - prep_started;
      e.pipeline_version = o_.pipeline_version;
      e.clean_text = std::move(a.clean.text);
      e.language = a.language.code;
      e.language_confidence = a.language.confidence;
      e.doc = std::move(a.doc);
      item.kind = Item::kDocument;
    } catch (const std::exception& ex) {
      // Not stored, so a re-run retries it; the failure is recorded.
      item = Item{};
      item.problem = {origin, ingest::Severity::kError, "document " + id + ": analysis failed: " + ex.what()};
    } catch (...) {
      item = Item{};
      item.problem = {origin, ingest::Severity::kError, "document " + id + ": analysis failed"};
    }
    const uint64_t spent = ThreadCpuNanos() - started;
    analysis_cpu_ns_ += spent - std::min(spent, prep_ns);
    store_prep_cpu_ns_ += prep_ns;
    if (item.kind == Item::kProblem && o_.on_problem) {
      std::lock_guard lock(callback_mu_);  // callbacks are never called concurrently
      o_.on_problem(item.problem);
    }
    std::lock_guard lock(mu_);
    results_.emplace(job.first, std::move(item));
    result_cv_.notify_all();
  }
}

// Before a batch of `coming` documents is written: enters bulk mode once this run has
// written enough, and enough next to what the store held (IngestOptions::bulk_ratio).
Status Driver::StartOrFinishBulk(size_t coming) {
  if (bulk_ || o_.bulk_ratio < 0 || coming == 0) return Status::Ok();
  // Counted before the batch: a run of exactly bulk_min_documents stays incremental.
  if (run_written_ < o_.bulk_min_documents ||
      static_cast<double>(run_written_) < o_.bulk_ratio * static_cast<double>(stored_at_start_))
    return Status::Ok();
  auto entered = store_.BeginBulkLoad();
  if (!entered.ok()) return entered.status();
  if (!*entered) return Status::Ok();  // another writer is in bulk mode: write incrementally
  bulk_ = true;
  since_build_ = 0;
  return Status::Ok();
}

Status Driver::FinishBulk() {
  if (!bulk_) return Status::Ok();
  const uint64_t cpu = ThreadCpuNanos();
  const auto wall = Clock::now();
  Status st = store_.FinishBulkLoad();
  index_build_cpu_ns_ += ThreadCpuNanos() - cpu;
  index_build_wall_ns_ += static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - wall).count());
  ++index_builds_;
  bulk_ = false;
  since_build_ = 0;
  return st;
}

Status Driver::Flush(DocumentBatch* batch) {
  if (batch->docs.empty() && batch->errors.empty()) return Status::Ok();
  Status st;
  {
    CpuTimer timer(store_cpu_ns_);
    st = StartOrFinishBulk(batch->docs.size());
    if (st.ok()) st = store_.Put(*batch);
    if (st.ok()) {
      run_written_ += batch->docs.size();
      since_build_ += batch->docs.size();
      const uint64_t indexed = stored_at_start_ + run_written_ - since_build_;
      if (bulk_ && since_build_ >= std::max<uint64_t>(o_.bulk_window, indexed)) st = FinishBulk();
    }
  }
  if (!st.ok()) return st;
  stored_ += batch->docs.size();
  for (const auto& d : batch->docs) events_ += d.events.size();
  batch->docs.clear();
  batch->errors.clear();
  return Status::Ok();
}

void Driver::Writer() {
  DocumentBatch batch;
  auto batch_started = Clock::now();
  auto last_progress = Clock::now();
  const auto progress_every = std::chrono::duration<double>(o_.progress_seconds);
  const auto batch_every = std::chrono::duration<double>(o_.batch_seconds);
  for (;;) {
    std::vector<Item> ready;
    bool finished = false;
    {
      std::unique_lock lock(mu_);
      result_cv_.wait_for(lock, std::chrono::milliseconds(100), [&] {
        return abort_ || results_.count(written_seq_) > 0 || (reading_done_ && written_seq_ == next_seq_);
      });
      if (abort_) return;
      for (auto it = results_.find(written_seq_); it != results_.end() && it->first == written_seq_;
           it = results_.erase(it)) {
        ready.push_back(std::move(it->second));
        ++written_seq_;
      }
      finished = reading_done_ && written_seq_ == next_seq_;
      if (!ready.empty()) space_cv_.notify_all();
    }
    for (Item& item : ready) {
      if (item.kind == Item::kDocument) {
        if (batch.docs.empty()) batch_started = Clock::now();
        batch.docs.push_back(std::move(item.entry));
      } else {
        bool error = item.problem.severity == ingest::Severity::kError;
        ++(error ? errors_ : warnings_);
        batch.errors.push_back({item.problem.origin.file, item.problem.origin.record, error ? "error" : "warning",
                                item.problem.message, o_.run_time});
      }
      if (batch.docs.size() >= o_.batch_documents) {
        Status st = Flush(&batch);
        if (!st.ok()) return Abort(st);
      }
    }
    if (finished || Clock::now() - batch_started >= batch_every) {
      Status st = Flush(&batch);
      if (st.ok() && finished) {
        CpuTimer timer(store_cpu_ns_);
        st = FinishBulk();  // the indexes are built before the run reports it is done
      }
      if (!st.ok()) return Abort(st);
      batch_started = Clock::now();
    }
    if (finished) return;
    if (o_.on_progress && Clock::now() - last_progress >= progress_every) {
      last_progress = Clock::now();
      std::lock_guard lock(callback_mu_);
      o_.on_progress(Snapshot(false));
    }
  }
}

StatusOr<IngestProgress> Driver::Run() {
  auto reader = store_.OpenReader();
  if (!reader.ok()) return reader.status();
  reader_ = std::move(reader).value();
  if (o_.bulk_ratio >= 0) {
    CpuTimer timer(store_cpu_ns_);
    auto counts = reader_->Count();
    if (!counts.ok()) return counts.status();
    stored_at_start_ = static_cast<uint64_t>(counts->documents);
  }
  std::thread writer([this] { Writer(); });
  std::vector<std::thread> workers;
  for (int i = 0; i < workers_; ++i) workers.emplace_back([this] { Worker(); });

  size_t unreadable = 0;
  for (const std::string& path : o_.paths) {
    Status st = ingest::ReadPath(
        path, o_.read, [this](Document&& d) { OnDocument(std::move(d)); },
        [this](const ingest::Problem& p) { OnProblem(p); });
    if (!st.ok()) {
      ++unreadable;
      OnProblem({Origin{path, 0}, ingest::Severity::kError, st.message()});
    }
  }
  {
    std::lock_guard lock(mu_);
    reading_done_ = true;
    work_cv_.notify_all();
    result_cv_.notify_all();
  }
  for (auto& t : workers) t.join();
  writer.join();
  if (bulk_) {  // the run stopped early: what it wrote is indexed all the same
    CpuTimer timer(store_cpu_ns_);
    Status st = FinishBulk();
    if (status_.ok() && !st.ok()) status_ = st;
  }
  if (!status_.ok()) return status_;
  IngestProgress p = Snapshot(true);
  if (o_.on_progress) o_.on_progress(p);
  if (unreadable == o_.paths.size() && !o_.paths.empty() && p.documents_read == 0)
    return Status::NotFound("no input could be read");
  return p;
}

}  // namespace

void AssignEventIds(const std::string& doc_id, std::vector<EventRecord>* events) {
  for (size_t i = 0; i < events->size(); ++i) {
    (*events)[i].doc_id = doc_id;
    (*events)[i].event_id = doc_id + "#" + std::to_string(i + 1);
  }
}

StatusOr<IngestProgress> RunIngest(Store& store, const pipeline::Pipeline& pipeline, const IngestOptions& options) {
  Driver driver(store, pipeline, options);
  return driver.Run();
}

}  // namespace vigie::store
