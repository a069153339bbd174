#include "core/render/render_worker.h"

#include <QElapsedTimer>

#include <exception>

namespace mbq {
namespace {

// Coalesces progress reports and estimates the time left from the denoising step timing.
class ProgressTracker
{
public:
    // Records `p`; true when it should be sent now: a new stage, a stage's final unit, or the
    // first report after the coalescing interval.
    bool update(const Progress &p)
    {
        updateEta(p);
        const bool newStage = !m_sentAny || p.stage != m_latest.stage;
        const bool lastUnit = p.total > 0 && p.step >= p.total;
        m_latest = p;
        if (newStage || lastUnit || m_sinceSent.elapsed() >= RenderWorker::kProgressIntervalMs) {
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
    double etaSeconds() const { return m_etaSeconds; }

private:
    void updateEta(const Progress &p)
    {
        if (p.stage != Stage::Denoise) {
            m_etaSeconds = -1.0;
            return;
        }
        if (!m_denoiseTimer.isValid()) {
            m_denoiseTimer.start();
            m_firstStep = p.step;
            return;
        }
        if (p.step > m_firstStep) {
            const double perStep = m_denoiseTimer.elapsed() / 1000.0 / (p.step - m_firstStep);
            m_etaSeconds = perStep * (p.total - p.step);
        }
    }

    Progress m_latest;
    bool m_sentAny = false;
    bool m_pending = false;
    QElapsedTimer m_sinceSent;
    QElapsedTimer m_denoiseTimer;
    int m_firstStep = 0;
    double m_etaSeconds = -1.0;
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

void RenderWorker::run(quint64 id, const RenderRequestPtr &request, const CancelFlag &cancel)
{
    if (cancel->load()) {
        emit jobFinished(id, cancelledOutput());
        return;
    }
    if (!m_engine) {
        emit jobFailed(id, m_engineError);
        return;
    }

    ProgressTracker tracker;
    JobHooks hooks;
    hooks.cancel = cancel.get();
    hooks.progress = [&](const Progress &p) {
        if (tracker.update(p))
            emit progressChanged(id, p, tracker.etaSeconds());
    };
    hooks.preview = [&](const VideoFrames &frames, int) {
        // Checked before converting: a dropped preview costs nothing.
        if (acquirePreview())
            emit previewReady(id, firstFrame(frames));
    };

    try {
        Result<RenderOutput> result = m_engine->render(*request, hooks);
        if (tracker.hasPending())
            emit progressChanged(id, tracker.latest(), tracker.etaSeconds());
        if (result.ok())
            emit jobFinished(id, std::make_shared<const RenderOutput>(std::move(result).value()));
        else if (result.error().code == ErrorCode::Cancelled)
            emit jobFinished(id, cancelledOutput());
        else
            emit jobFailed(id, QString::fromStdString(result.error().toString()));
    } catch (const std::exception &e) {
        emit jobFailed(id, tr("internal error: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        emit jobFailed(id, tr("internal error: unknown exception"));
    }
}

void RenderWorker::loadModel(const QString &folder)
{
    if (!m_engine) {
        emit modelLoadFailed(m_engineError);
        return;
    }
    try {
        Result<ModelInfo> result = m_engine->loadModel(folder.toStdString());
        if (result.ok())
            emit modelLoaded(result.value());
        else
            emit modelLoadFailed(QString::fromStdString(result.error().toString()));
    } catch (const std::exception &e) {
        emit modelLoadFailed(tr("internal error: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        emit modelLoadFailed(tr("internal error: unknown exception"));
    }
}

} // namespace mbq
