#pragma once
// RenderWorker: the object on the render thread. It owns the engine (created there, so a CUDA
// context belongs to that thread), runs one job at a time and reports back only through
// queued signals. Nothing it calls may throw past it: engine errors and exceptions alike end
// as jobFailed / modelLoadFailed / configureFailed.

#include "core/render/render_job.h"

#include <QImage>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace mbq {

using EngineFactory = std::function<std::unique_ptr<Engine>()>;
using CancelFlag = std::shared_ptr<std::atomic<bool>>;

class RenderWorker : public QObject
{
    Q_OBJECT

public:
    // More previews than this waiting for the UI are dropped rather than queued.
    static constexpr int kMaxPreviewsInFlight = 2;
    // Progress within a stage is coalesced to one update per this many milliseconds.
    static constexpr int kProgressIntervalMs = 30;

    explicit RenderWorker(EngineFactory factory);
    ~RenderWorker() override;

    // Render thread: creates the engine and reports its device name.
    void initialize();
    // Render thread: runs one job (source decode, engine, files and metrics for `outputs`);
    // ends with exactly one jobFinished or jobFailed. A job naming `modelFolder` loads that
    // model first unless it is the one loaded (reporting it as loadModel does), and fails when
    // it does not load: it never renders with another model.
    void run(quint64 id, const RenderRequestPtr &request, const TakeOutputSpec &outputs,
             const QString &modelFolder, const CancelFlag &cancel);
    // Render thread: ends with modelLoaded or modelLoadFailed.
    void loadModel(const QString &folder) { load(folder); }
    // Render thread: Engine::configure, then the device name (which the device setting may
    // change) and configured, or configureFailed (the engine keeps its previous settings).
    void configure(const mbq::EngineSettings &settings);

    // Any thread: the receiver of previewReady calls this once per preview it got.
    void releasePreview() { m_previewsInFlight.fetch_sub(1, std::memory_order_acq_rel); }
    int previewsInFlight() const { return m_previewsInFlight.load(std::memory_order_acquire); }

signals:
    void deviceNameReady(const QString &name);
    // `etaSeconds`: time left in `pass`, < 0 when unknown.
    void progressChanged(quint64 id, const mbq::Progress &progress, mbq::RenderPass pass,
                         double etaSeconds);
    // `pass`: the denoising pass (Baseline or Render) the frame is a preview of.
    void previewReady(quint64 id, const QImage &image, mbq::RenderPass pass);
    // `output` and `files` are never null; output->cancelled tells a cancelled job from a
    // finished one.
    void jobFinished(quint64 id, const mbq::RenderOutputPtr &output,
                     const mbq::TakeFilesPtr &files);
    void jobFailed(quint64 id, const QString &message);
    void modelLoaded(const mbq::ModelInfo &info);
    void modelLoadFailed(const QString &message);
    void configured(const mbq::EngineSettings &settings);
    void configureFailed(const mbq::EngineSettings &settings, const QString &message);
    // After each job, model load and configure: the compute device's memory.
    void memoryRead(const mbq::MemoryReadout &memory);

private:
    // loadModel; returns why the model did not load, empty when it did.
    QString load(const QString &folder);
    bool acquirePreview();
    void reportMemory();

    EngineFactory m_factory;
    std::unique_ptr<Engine> m_engine;
    QString m_engineError; // why m_engine is null
    // The folder of the model the engine holds; empty when none, or when the last load failed
    // (the engine may keep the model before it, which is then not the one asked for).
    QString m_modelFolder;
    std::atomic<int> m_previewsInFlight{0};
};

} // namespace mbq
