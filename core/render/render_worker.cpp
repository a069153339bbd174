#include "core/render/render_worker.h"

#include <QElapsedTimer>
#include <QScopeGuard>

#include <exception>
#include <optional>

namespace mbq {
namespace {

// Names each report's pass and coalesces the reports: a new pass, a pass's final unit, or the
// first report after the coalescing interval is sent now.
class ProgressTracker
{
public:
    ProgressTracker() { m_clock.start(); }

    void setBaselineFirst(bool baselineFirst) { m_passes.setBaselineFirst(baselineFirst); }

    // Records `p` (in `pass` when given); true when it should be sent now.
    bool update(const Progress &p, std::optional<RenderPass> pass = std::nullopt)
    {
        const RenderPass previous = m_passes.pass();
        const double seconds = m_clock.nsecsElapsed() / 1e9;
        const RenderPass current
                = pass ? m_passes.update(p, *pass, seconds) : m_passes.update(p, seconds);
        const bool newPass = !m_sentAny || current != previous || p.stage != m_latest.stage;
        const bool lastUnit = p.total > 0 && p.step >= p.total;
        m_latest = p;
        if (newPass || lastUnit || m_sinceSent.elapsed() >= RenderWorker::kProgressIntervalMs) {
            m_sentAny = true;
            m_pending = false;
            m_sinceSent.start();
            return true;
        }
        m_pending = true;
        return false;
    }

    bool hasPending() const { return m_pending; }
    const Progress &latest() const { return m_latest; }
    RenderPass pass() const { return m_passes.pass(); }
    RenderPass denoisingPass() const { return m_passes.denoisingPass(); }
    double etaSeconds() const { return m_passes.etaSeconds(); }

private:
    PassTracker m_passes;
    QElapsedTimer m_clock;
    Progress m_latest;
    bool m_sentAny = false;
    bool m_pending = false;
    QElapsedTimer m_sinceSent;
};

QImage firstFrame(const VideoFrames &frames)
{
    if (frames.empty() || frames.width <= 0 || frames.height <= 0)
        return {};
    const QImage view(frames.frame(0), frames.width, frames.height, frames.width * 3,
                      QImage::Format_RGB888);
    return view.copy(); // `view` borrows the engine's buffer, which dies after the hook
}

RenderOutputPtr cancelledOutput()
{
    auto output = std::make_shared<RenderOutput>();
    output->cancelled = true;
    return output;
}

} // namespace

RenderWorker::RenderWorker(EngineFactory factory) : m_factory(std::move(factory)) {}

RenderWorker::~RenderWorker() = default;

void RenderWorker::initialize()
{
    QString device;
    try {
        m_engine = m_factory ? m_factory() : nullptr;
        if (m_engine)
            device = QString::fromStdString(m_engine->deviceName());
        else
            m_engineError = tr("no inference engine is available");
    } catch (const std::exception &e) {
        m_engine.reset();
        m_engineError = tr("internal error: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        m_engine.reset();
        m_engineError = tr("internal error: the engine failed to start");
    }
    emit deviceNameReady(m_engine ? device : tr("none"));
}

bool RenderWorker::acquirePreview()
{
    int inFlight = m_previewsInFlight.load(std::memory_order_acquire);
    while (inFlight < kMaxPreviewsInFlight) {
        if (m_previewsInFlight.compare_exchange_weak(inFlight, inFlight + 1,
                                                     std::memory_order_acq_rel))
            return true;
    }
    return false;
}

void RenderWorker::run(quint64 id, const RenderRequestPtr &request, const TakeOutputSpec &outputs,
                       const QString &modelFolder, const CancelFlag &cancel)
{
    // However the job ends, the memory it left (and its peak) is shown.
    const auto report = qScopeGuard([this] { reportMemory(); });
    const auto noFiles = std::make_shared<const TakeFiles>();
    if (cancel->load()) {
        emit jobFinished(id, cancelledOutput(), noFiles);
        return;
    }
    if (!m_engine) {
        emit jobFailed(id, m_engineError);
        return;
    }
    if (!modelFolder.isEmpty() && modelFolder != m_modelFolder) {
        if (const QString failed = load(modelFolder); !failed.isEmpty()) {
            emit jobFailed(id, tr("the project's model did not load: %1").arg(failed));
            return;
        }
    }

    ProgressTracker tracker;
    const auto send = [&](const Progress &p, std::optional<RenderPass> pass) {
        if (tracker.update(p, pass))
            emit progressChanged(id, p, tracker.pass(), tracker.etaSeconds());
    };
    const auto sendPending = [&] {
        if (tracker.hasPending())
            emit progressChanged(id, tracker.latest(), tracker.pass(), tracker.etaSeconds());
    };
    JobHooks hooks;
    hooks.cancel = cancel.get();
    hooks.progress = [&](const Progress &p) { send(p, std::nullopt); };
    hooks.preview = [&](const VideoFrames &frames, int) {
        // Checked before converting: a dropped preview costs nothing.
        if (acquirePreview())
            emit previewReady(id, firstFrame(frames), tracker.denoisingPass());
    };

    try {
        if (!outputs.sourceClip.isEmpty())
            send({Stage::EncodeSource, 0, 1}, RenderPass::ReadSource);
        Result<RenderRequest> prepared = prepareTakeRequest(*request, outputs);
        if (!prepared) {
            emit jobFailed(id, QString::fromStdString(prepared.error().toString()));
            return;
        }
        tracker.setBaselineFirst(prepared->wantBaseline);
        Result<RenderOutput> result = m_engine->render(*prepared, hooks);
        if (!result && result.error().code != ErrorCode::Cancelled) {
            sendPending();
            emit jobFailed(id, QString::fromStdString(result.error().toString()));
            return;
        }
        RenderOutputPtr output = result ? std::make_shared<const RenderOutput>(
                                                  std::move(result).value())
                                        : cancelledOutput();
        Result<TakeFiles> files = writeTakeFiles(*prepared, *output, outputs, hooks.progress);
        sendPending();
        if (!files) {
            emit jobFailed(id, QString::fromStdString(files.error().toString()));
            return;
        }
        emit jobFinished(id, output, std::make_shared<const TakeFiles>(std::move(files).value()));
    } catch (const std::exception &e) {
        emit jobFailed(id, tr("internal error: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        emit jobFailed(id, tr("internal error: unknown exception"));
    }
}

void RenderWorker::reportMemory()
{
    if (!m_engine)
        return;
    // A readout is never worth failing for: a device that cannot say is shown as unknown.
    try {
        emit memoryRead(m_engine->memory());
    } catch (...) {
        emit memoryRead(MemoryReadout());
    }
}

QString RenderWorker::load(const QString &folder)
{
    m_modelFolder.clear();
    QString failed;
    if (!m_engine) {
        failed = m_engineError;
    } else {
        try {
            Result<ModelInfo> result = m_engine->loadModel(folder.toStdString());
            if (result.ok()) {
                m_modelFolder = folder;
                emit modelLoaded(result.value());
                reportMemory();
                return {};
            }
            failed = QString::fromStdString(result.error().toString());
        } catch (const std::exception &e) {
            failed = tr("internal error: %1").arg(QString::fromLocal8Bit(e.what()));
        } catch (...) {
            failed = tr("internal error: unknown exception");
        }
    }
    emit modelLoadFailed(failed);
    return failed;
}

void RenderWorker::configure(const EngineSettings &settings)
{
    if (!m_engine) {
        emit configureFailed(settings, m_engineError);
        return;
    }
    try {
        if (Result<void> result = m_engine->configure(settings); !result) {
            emit configureFailed(settings, QString::fromStdString(result.error().toString()));
            return;
        }
        emit deviceNameReady(QString::fromStdString(m_engine->deviceName()));
        emit configured(settings);
        reportMemory();
    } catch (const std::exception &e) {
        emit configureFailed(settings,
                             tr("internal error: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        emit configureFailed(settings, tr("internal error: unknown exception"));
    }
}

} // namespace mbq
