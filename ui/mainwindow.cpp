#include "ui/mainwindow.h"

#include "core/media/source_preview.h"
#include "core/project/autosave.h"
#include "core/project/project_document.h"
#include "core/project/project_inputs.h"
#include "core/render/render_queue.h"
#include "core/render/resume_tracker.h"
#include "core/render/take_runner.h"
#include "core/settings/engine_settings_store.h"
#include "ui/compare/compare_view.h"
#include "ui/dialogs/export_dialog.h"
#include "ui/dialogs/model_manager_dialog.h"
#include "ui/dialogs/preferences_dialog.h"
#include "ui/dialogs/sweep_dialog.h"
#include "ui/injection/injection_panel.h"
#include "ui/inspector/inspector.h"
#include "ui/plots/frame_curves_plot.h"
#include "ui/plots/tradeoff_plot.h"
#include "ui/queue/render_progress_indicator.h"
#include "ui/screen_fit.h"
#include "ui/queue/render_queue_dock.h"
#include "ui/status/engine_text.h"
#include "ui/status/memory_label.h"
#include "ui/takes/take_presenter.h"
#include "ui/timeline/source_preview_loader.h"
#include "ui/timeline/timeline_model.h"
#include "ui/timeline/timeline_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

#include <utility>

namespace mbq {
namespace {

const char *kProjectFilter = QT_TRANSLATE_NOOP("mbq::MainWindow",
                                               "mbq projects (*.mbqproj);;All files (*)");
const char *kClipFilter = QT_TRANSLATE_NOOP("mbq::MainWindow",
                                            "Video clips (*.mp4 *.mov *.mkv *.webm *.avi *.gif);;"
                                            "All files (*)");
constexpr int kAutosaveIntervalMs = 60 * 1000;
constexpr int kMaxRecentProjects = 8;

// Wan2.1's 30 blocks: what the injection panel shows before a model has reported its layers.
std::vector<std::string> wanLayers()
{
    std::vector<std::string> ids;
    for (int i = 0; i < 30; ++i)
        ids.push_back("block." + std::to_string(i));
    return ids;
}

QDockWidget *makeDock(QWidget *content, const char *name, QMainWindow *window, bool scroll)
{
    auto *dock = new QDockWidget(window);
    dock->setObjectName(QLatin1String(name));
    if (scroll) {
        auto *area = new QScrollArea;
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(content);
        dock->setWidget(area);
    } else {
        dock->setWidget(content);
    }
    return dock;
}

} // namespace

MainWindow::MainWindow(ProjectDocument *document, RenderQueue *queue, QWidget *parent)
    : QMainWindow(parent)
    , m_document(document)
    , m_queue(queue)
    , m_runner(new TakeRunner(document, queue, this))
    , m_resume(new ResumeTracker(document, this))
    , m_timelineModel(new TimelineModel(document, this))
    , m_sourceLoader(new SourcePreviewLoader(this))
    , m_autosave(std::make_unique<Autosave>())
    , m_autosaveTimer(new QTimer(this))
    , m_compare(new CompareView)
    , m_inspector(new Inspector(document))
    , m_injection(new InjectionPanel(document))
    , m_timeline(new TimelineView(m_timelineModel))
    , m_tradeoff(new TradeoffPlot)
    , m_curves(new FrameCurvesPlot)
    , m_queueDock(new RenderQueueDock(queue, this))
    , m_progress(new RenderProgressIndicator(queue))
    , m_deviceLabel(new QLabel(this))
    , m_memoryLabel(new MemoryLabel(this))
    , m_modelLabel(new QLabel(this))
    , m_staleLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_compare);
    m_injection->setLayers(wanLayers(), QStringLiteral("wan2.1"));
    createDocks();
    createActions();
    createToolBar();

    m_deviceLabel->setObjectName(QStringLiteral("deviceLabel"));
    m_modelLabel->setObjectName(QStringLiteral("modelLabel"));
    m_staleLabel->setObjectName(QStringLiteral("staleLabel"));
    statusBar()->addWidget(m_staleLabel);
    statusBar()->addPermanentWidget(m_modelLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    statusBar()->addPermanentWidget(m_memoryLabel);

    connect(m_document, &ProjectDocument::changed, this,
            [this](ProjectDocument::Aspect aspect) { documentChanged(int(aspect)); });
    connect(m_document, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_queue, &RenderQueue::deviceNameChanged, this, [this] { retranslate(); });
    connect(m_queue, &RenderQueue::memoryChanged, m_memoryLabel, &MemoryLabel::showMemory);
    connect(m_queue, &RenderQueue::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(m_queue, &RenderQueue::modelLoadFailed, this, &MainWindow::onModelLoadFailed);
    connect(m_queue, &RenderQueue::engineConfigured, this, &MainWindow::onEngineConfigured);
    connect(m_queue, &RenderQueue::engineConfigureFailed, this,
            [this](const EngineSettings &, const QString &message) {
                onEngineConfigureFailed(message);
            });
    connect(m_resume, &ResumeTracker::resumeStepChanged, m_injection,
            &InjectionPanel::setResumeStep);
    m_injection->setResumeStep(m_resume->resumeStep());
    connect(m_sourceLoader, &SourcePreviewLoader::loaded, this, &MainWindow::onSourcePreview);

    connect(m_runner, &TakeRunner::takeProgress, m_timelineModel, &TimelineModel::setTakeProgress);
    connect(m_runner, &TakeRunner::takePreview, this,
            [this](const QString &, const QImage &image, RenderPass pass) {
                m_compare->setPreviewImage(pass == RenderPass::Baseline
                                                   ? CompareView::Pane::Baseline
                                                   : CompareView::Pane::Injected,
                                           image);
            });
    connect(m_runner, &TakeRunner::takeFinished, this,
            [this](const QString &id, TakeState state) { onTakeFinished(id, int(state)); });

    // One playhead: the compare view, the timeline and the per-frame plot follow each other.
    connect(m_compare, &CompareView::currentFrameChanged, this, [this](int frame) {
        m_timeline->setCurrentFrame(frame);
        m_curves->setCurrentFrame(frame);
    });
    connect(m_timeline, &TimelineView::frameScrubbed, m_compare, &CompareView::setCurrentFrame);
    connect(m_curves, &FrameCurvesPlot::frameRequested, m_compare, &CompareView::setCurrentFrame);
    connect(m_timeline, &TimelineView::takeActivated, this, &MainWindow::showTake);
    connect(m_tradeoff, &TradeoffPlot::pointClicked, this, &MainWindow::showTake);
    connect(m_timeline, &TimelineView::takeContextMenuRequested, this, &MainWindow::takeContextMenu);
    connect(m_timeline, &TimelineView::sourceDropped, this, &MainWindow::setSourceClip);

    m_autosaveTimer->setInterval(kAutosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosaveNow);
    m_autosaveTimer->start();

    resize(1440, 900);
    restoreLayout();
    retranslate();
    updateTitle();
    m_queue->configure(loadEngineSettings(QSettings()));
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    auto *inspector = makeDock(m_inspector, "inspectorDock", this, true);
    auto *injection = makeDock(m_injection, "injectionDock", this, true);
    auto *timeline = makeDock(m_timeline, "timelineDock", this, true);
    auto *tradeoff = makeDock(m_tradeoff, "tradeoffDock", this, false);
    auto *curves = makeDock(m_curves, "frameCurvesDock", this, false);
    m_queueDock->setObjectName(QStringLiteral("renderQueueDock"));
    // The right column runs the window's full height (EDITOR.md): the inspector and the
    // injection panel need it more than the timeline and the plots need its width.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, inspector);
    addDockWidget(Qt::RightDockWidgetArea, injection);
    addDockWidget(Qt::RightDockWidgetArea, m_queueDock);
    tabifyDockWidget(injection, m_queueDock);
    injection->raise();
    addDockWidget(Qt::BottomDockWidgetArea, timeline);
    addDockWidget(Qt::BottomDockWidgetArea, tradeoff);
    splitDockWidget(tradeoff, curves, Qt::Horizontal);
    splitDockWidget(timeline, tradeoff, Qt::Vertical);
    // The inspector whole (prompts, seed, size, frames, steps, guidance); the injection panel
    // takes the rest of the column, its layer rows scrolling.
    resizeDocks({inspector, injection}, {m_inspector->sizeHint().height() + 30, 380},
                Qt::Vertical);
    resizeDocks({inspector}, {420}, Qt::Horizontal);
    resizeDocks({timeline, tradeoff}, {170, 200}, Qt::Vertical);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *newAction = file->addAction(tr("&New Project"), this, [this] {
        if (maybeSave()) {
            m_document->newProject();
            projectLoaded();
        }
    });
    newAction->setShortcut(QKeySequence::New);
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::openFromDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();
    QAction *demo = file->addAction(tr("Open &Demo Project"), this, [this] {
        if (maybeSave())
            openDemoProject();
    });
    demo->setObjectName(QStringLiteral("openDemoAction"));
    file->addSeparator();
    QAction *source = file->addAction(tr("Set &Source Clip…"), this, &MainWindow::chooseSourceClip);
    source->setObjectName(QStringLiteral("chooseSourceAction"));
    QAction *model = file->addAction(tr("Choose &Model Folder…"), this,
                                     &MainWindow::chooseModelFolder);
    model->setObjectName(QStringLiteral("chooseModelAction"));
    QAction *models = file->addAction(tr("Model &Manager…"), this, &MainWindow::showModelManager);
    models->setObjectName(QStringLiteral("modelManagerAction"));
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setObjectName(QStringLiteral("saveAction"));
    QAction *saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    QAction *exportAction = file->addAction(tr("&Export Take…"), this, &MainWindow::exportTake);
    exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    exportAction->setObjectName(QStringLiteral("exportAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    // The platform's Redo keys (Ctrl+Shift+Z on Linux), and Ctrl+Y where the platform lacks
    // it, as artists coming from other editors type it. Each key once: a key bound twice is
    // an ambiguous shortcut, which Qt refuses to trigger at all.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence ctrlY(Qt::CTRL | Qt::Key_Y);
    if (!redoKeys.contains(ctrlY))
        redoKeys.append(ctrlY);
    redo->setShortcuts(redoKeys);
    redo->setObjectName(QStringLiteral("redoAction"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"), this,
                                           &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setObjectName(QStringLiteral("preferencesAction"));

    QMenu *renderMenu = menuBar()->addMenu(tr("&Render"));
    QAction *renderAction = renderMenu->addAction(tr("&Render"), this, &MainWindow::render);
    renderAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    renderAction->setObjectName(QStringLiteral("renderAction"));
    QAction *previewAction = renderMenu->addAction(tr("&Preview"), this, &MainWindow::preview);
    previewAction->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    previewAction->setObjectName(QStringLiteral("previewAction"));
    QAction *sweepAction = renderMenu->addAction(tr("S&weep…"), this, &MainWindow::sweep);
    sweepAction->setObjectName(QStringLiteral("sweepAction"));
    renderMenu->addSeparator();
    renderMenu->addAction(m_progress->cancelAction());
    renderMenu->addAction(m_queueDock->cancelAction());
    renderMenu->addAction(m_queueDock->retryAction());
    renderMenu->addAction(m_queueDock->clearFinishedAction());

    QMenu *playback = menuBar()->addMenu(tr("&Playback"));
    playback->addActions(m_compare->compareActions());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Motion by Queries Studio"), this, &MainWindow::showAbout);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Render"));
    bar->setObjectName(QStringLiteral("renderToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const char *name : {"chooseModelAction", "previewAction", "renderAction", "sweepAction"}) {
        if (auto *action = findChild<QAction *>(QLatin1String(name)))
            bar->addAction(action);
        if (qstrcmp(name, "chooseModelAction") == 0)
            bar->addSeparator();
    }
    // The running job at the toolbar's far end. The container stays: a toolbar shows and hides
    // its own widgets, so the indicator hides inside it.
    auto *end = new QWidget;
    end->setObjectName(QStringLiteral("renderProgressArea"));
    end->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *layout = new QHBoxLayout(end);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch();
    layout->addWidget(m_progress);
    bar->addWidget(end);
}

void MainWindow::retranslate()
{
    const auto title = [this](const char *dock, const QString &text) {
        if (auto *d = findChild<QDockWidget *>(QLatin1String(dock)))
            d->setWindowTitle(text);
    };
    title("inspectorDock", tr("Inspector"));
    title("injectionDock", tr("Q Injection"));
    title("timelineDock", tr("Timeline"));
    title("tradeoffDock", tr("Trade-off"));
    title("frameCurvesDock", tr("Per Frame"));
    const QString device = m_queue->deviceName();
    m_deviceLabel->setText(device.isEmpty() ? tr("Device: starting…")
                                            : tr("Device: %1").arg(deviceText(device)));
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

// ---- projects ---------------------------------------------------------------------------------

bool MainWindow::openDemoProject()
{
    if (auto opened = m_document->openDemo(); !opened) {
        showError(tr("Cannot open the demo project"), QString::fromStdString(opened.error().message));
        return false;
    }
    projectLoaded();
    return true;
}

bool MainWindow::openProject(const QString &path)
{
    if (auto opened = m_document->open(path); !opened) {
        showError(tr("Cannot open project"), QString::fromStdString(opened.error().message));
        return false;
    }
    offerRecovery(m_document->filePath());
    addRecentProject(m_document->filePath());
    projectLoaded();
    return true;
}

void MainWindow::offerRecovery(const QString &projectPath)
{
    const QString copy = m_autosave->recoverableCopy(projectPath);
    if (copy.isEmpty())
        return;
    RecoveryAnswer answer = m_recoveryAnswer;
    if (answer == RecoveryAnswer::Ask) {
        const auto button = QMessageBox::question(
                this, tr("Recover unsaved changes?"),
                tr("%1 has changes that were not saved when the studio last closed. Recover "
                   "them?")
                        .arg(m_document->displayName()),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        answer = button == QMessageBox::Yes ? RecoveryAnswer::Recover : RecoveryAnswer::Discard;
    }
    if (answer == RecoveryAnswer::Discard) {
        m_autosave->remove(projectPath);
        return;
    }
    if (auto recovered = m_document->recover(copy, projectPath); !recovered)
        showError(tr("Cannot recover"), QString::fromStdString(recovered.error().message));
    else
        statusBar()->showMessage(tr("Recovered unsaved changes; save to keep them"), 8000);
}

void MainWindow::setAutosaveFolder(const QString &folder)
{
    m_autosave = std::make_unique<Autosave>(folder);
}

void MainWindow::autosaveNow()
{
    if (!m_document->isModified())
        return;
    if (auto written = m_autosave->write(m_document->data(), m_document->filePath()); !written)
        statusBar()->showMessage(tr("Autosave failed: %1")
                                         .arg(QString::fromStdString(written.error().message)),
                                 8000);
}

void MainWindow::addRecentProject(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentProjects)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentProjects"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openProject(path);
        })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openFromDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                      tr(kProjectFilter));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::save()
{
    if (m_document->isUntitled())
        return saveAs();
    if (auto saved = m_document->save(); !saved) {
        showError(tr("Cannot save project"), QString::fromStdString(saved.error().message));
        return false;
    }
    m_autosave->remove(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 4000);
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"),
                                                m_document->displayName(), tr(kProjectFilter));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".mbqproj");
    const QString before = m_document->filePath();
    if (auto saved = m_document->saveAs(path); !saved) {
        showError(tr("Cannot save project"), QString::fromStdString(saved.error().message));
        return false;
    }
    m_autosave->remove(before);
    addRecentProject(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard)
        m_autosave->remove(m_document->filePath());
    return answer == QMessageBox::Discard;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (std::exchange(m_placed, true) || isMaximized() || isFullScreen() || !screen())
        return;
    const QRect frame = frameGeometry();
    const QSize margins = frame.size() - size();
    const QSize minimum = minimumSizeHint().expandedTo(minimumSize()) + margins;
    const QRect fitted = fitFrameOnScreen(frame, screen()->availableGeometry(), minimum);
    if (fitted == frame)
        return;
    resize(fitted.size() - margins);
    move(fitted.topLeft()); // a window's position is its frame's
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::projectLoaded()
{
    m_currentTake.clear();
    m_compare->clearClip(CompareView::Pane::Injected);
    m_compare->clearClip(CompareView::Pane::Baseline);
    documentChanged(int(ProjectDocument::Aspect::All));
    updateTitle();
    loadProjectModel();
}

void MainWindow::documentChanged(int aspect)
{
    using Aspect = ProjectDocument::Aspect;
    const ProjectData &data = m_document->data();
    const auto a = Aspect(aspect);
    if (a == Aspect::SourceClip || a == Aspect::Settings || a == Aspect::All) {
        const QString source = m_document->resolvedPath(data.sourceClip);
        m_sourceLoader->request(source, data.parameters.settings);
        if (a != Aspect::Settings) {
            if (source.isEmpty())
                m_compare->clearClip(CompareView::Pane::Source);
            else
                m_compare->setClip(CompareView::Pane::Source, source, tr("the motion reference"));
        }
    }
    if (a == Aspect::ModelFolder)
        loadProjectModel();
    if (a == Aspect::Takes || a == Aspect::All)
        refreshTakes();
    // Edits never render by themselves; say when the compare view shows a take that Render
    // or Preview of the current settings would not make again (a preview counts as made from
    // the settings it reduces).
    const int current = data.takeIndex(m_currentTake);
    const bool stale
        = current >= 0 && !TakeRunner::rendersCurrentSettings(data.takes[current].parameters, data);
    m_staleLabel->setText(stale ? tr("Current settings differ from %1 — Render or Preview to "
                                     "see them")
                                      .arg(data.takes[current].label)
                                : QString());
}

void MainWindow::refreshTakes()
{
    m_tradeoff->setPoints(tradeoffPointsOf(m_document->data()));
    if (!m_currentTake.isEmpty())
        m_tradeoff->setCurrent(m_currentTake);
}

void MainWindow::showTake(const QString &id)
{
    const ProjectData &data = m_document->data();
    const int index = data.takeIndex(id);
    if (index < 0)
        return;
    const Take &take = data.takes[index];
    m_currentTake = id;
    m_timeline->setCurrentTakeId(id);
    m_tradeoff->setCurrent(id);
    const QString video = m_document->resolvedPath(take.videoPath);
    const QString baseline = m_document->resolvedPath(take.baselinePath);
    if (video.isEmpty())
        m_compare->clearClip(CompareView::Pane::Injected);
    else
        m_compare->setClip(CompareView::Pane::Injected, video, injectedCaption(take));
    if (baseline.isEmpty())
        m_compare->clearClip(CompareView::Pane::Baseline);
    else
        m_compare->setClip(CompareView::Pane::Baseline, baseline, baselineCaption(take));
    Take resolved = take;
    resolved.videoPath = video;
    m_curves->setCurves(frameCurvesOf(metricsPathOf(resolved)));
    documentChanged(int(ProjectDocument::Aspect::Prompts)); // refreshes the stale note
}

void MainWindow::onTakeFinished(const QString &id, int state)
{
    if (TakeState(state) == TakeState::Succeeded) {
        showTake(id);
        statusBar()->showMessage(tr("Finished %1").arg(m_document->data().takes[m_document->data().takeIndex(id)].label), 4000);
    }
}

void MainWindow::useTakeAsSource(const QString &id)
{
    const auto used = m_document->useTakeAsSource(id);
    reportRefusal(tr("Cannot use the take as the source"), used);
    if (!used)
        return;
    const RenderParameters &p = m_document->data().parameters;
    const QString label = m_document->data().takes[m_document->data().takeIndex(id)].label;
    statusBar()->showMessage(
        p.sourceSeed ? tr("Source clip: %1, with its seed %2 for lockstep extraction")
                           .arg(label)
                           .arg(qulonglong(*p.sourceSeed))
                     : tr("Source clip: %1").arg(label),
        6000);
}

void MainWindow::takeContextMenu(const QString &id, const QPoint &globalPos)
{
    QMenu menu(this);
    menu.addAction(tr("Show in Compare View"), this, [this, id] { showTake(id); });
    menu.addAction(tr("Use These Settings"), this, [this, id] {
        reportRefusal(tr("Cannot use the take's settings"), m_document->useTakeParameters(id));
    });
    menu.addAction(tr("Use as Source Clip"), this, [this, id] { useTakeAsSource(id); });
    menu.addAction(tr("Rename…"), this, [this, id] {
        const int index = m_document->data().takeIndex(id);
        bool ok = false;
        const QString label = QInputDialog::getText(this, tr("Rename Take"), tr("Name:"),
                                                    QLineEdit::Normal,
                                                    m_document->data().takes[index].label, &ok);
        if (ok && !label.trimmed().isEmpty())
            reportRefusal(tr("Cannot rename the take"), m_document->renameTake(id, label.trimmed()));
    });
    menu.addAction(tr("Cancel Render"), this, [this, id] { m_runner->cancel(id); });
    menu.addSeparator();
    menu.addAction(tr("Remove from Timeline"), this, [this, id] {
        reportRefusal(tr("Cannot remove the take"), m_document->removeTake(id));
    });
    menu.exec(globalPos);
}

// ---- sources, models and renders -----------------------------------------------------------

void MainWindow::chooseSourceClip()
{
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Set Source Clip"), m_document->resolvedPath(m_document->data().sourceClip),
            tr(kClipFilter));
    if (!path.isEmpty())
        setSourceClip(path);
}

bool MainWindow::setSourceClip(const QString &path)
{
    if (const Result<void> clip = checkSourceClip(path); !clip) {
        showRefusal(tr("Not a video clip"), QString::fromStdString(clip.error().message),
                    QString::fromStdString(clip.error().detail));
        return false;
    }
    m_document->setSourceClip(path); // undoable; the timeline and compare view follow
    return true;
}

void MainWindow::chooseModelFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Choose Model Folder"),
        m_document->resolvedPath(m_document->data().modelFolder));
    if (!folder.isEmpty())
        setModelFolder(folder);
}

bool MainWindow::setModelFolder(const QString &folder)
{
    if (const Result<void> model = checkModelFolder(folder); !model) {
        showRefusal(tr("Not a model folder"), QString::fromStdString(model.error().message),
                    QString::fromStdString(model.error().detail));
        return false;
    }
    m_document->setModelFolder(folder); // undoable; the change reloads the model
    return true;
}

void MainWindow::loadProjectModel()
{
    const QString folder = m_document->resolvedPath(m_document->data().modelFolder);
    if (folder.isEmpty()) {
        m_modelLabel->setText(tr("Model: none chosen"));
        return;
    }
    m_modelLabel->setText(tr("Model: loading %1…").arg(QFileInfo(folder).fileName()));
    m_queue->loadModel(folder);
}

void MainWindow::onSourcePreview(const SourcePreview &preview)
{
    if (!preview.error.isEmpty()) {
        m_timelineModel->setSourceSummary(preview.error, {});
        m_timeline->setFilmstrip({});
        statusBar()->showMessage(preview.error, 8000);
        return;
    }
    m_timelineModel->setSourceSummary(preview.summary, preview.notes);
    m_timeline->setFilmstrip(preview.thumbnails);
}

void MainWindow::render()
{
    const QString id = m_runner->render(RenderKind::Full);
    statusBar()->showMessage(tr("Queued %1").arg(m_document->data().takes.back().label), 4000);
    m_timeline->setCurrentTakeId(id);
}

void MainWindow::preview()
{
    const ProjectData &data = m_document->data();
    const RenderParameters reduced
            = TakeRunner::parametersFor(data.parameters, RenderKind::Preview, data.modelFamily);
    m_runner->render(RenderKind::Preview);
    const GenerationSettings &s = reduced.settings;
    statusBar()->showMessage(tr("Preview at reduced settings: %1×%2, %3 frames, %4 steps")
                                     .arg(s.width)
                                     .arg(s.height)
                                     .arg(s.frames)
                                     .arg(s.steps),
                             8000);
}

void MainWindow::sweep()
{
    auto *dialog = new SweepDialog(m_document->data().parameters, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SweepDialog::accepted, this, [this, dialog] {
        const QStringList ids = m_runner->sweep(dialog->cells());
        statusBar()->showMessage(tr("Queued a sweep of %n renders", nullptr, int(ids.size())), 6000);
    });
    dialog->open();
}

void MainWindow::exportTake()
{
    const int index = m_document->data().takeIndex(m_currentTake);
    if (index < 0) {
        showError(tr("Nothing to export"), tr("Render a take, or pick one on the timeline, first."));
        return;
    }
    Take take = m_document->data().takes[index];
    take.videoPath = m_document->resolvedPath(take.videoPath);
    take.baselinePath = m_document->resolvedPath(take.baselinePath);
    auto *dialog = new ExportDialog(take, m_document->resolvedPath(m_document->data().sourceClip),
                                    this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showModelManager()
{
    auto *dialog = new ModelManagerDialog(m_document->data().parameters.settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ModelManagerDialog::modelChosen, this, &MainWindow::setModelFolder);
    dialog->open();
}

void MainWindow::showPreferences()
{
    // The stored settings are the ones the engine last accepted.
    auto *dialog
        = new PreferencesDialog(loadEngineSettings(QSettings()), m_queue->deviceName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_queue->configure(dialog->engineSettings()); });
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Motion by Queries Studio"),
                       tr("<p><b>Motion by Queries Studio</b> %1</p>"
                          "<p>Zero-shot motion transfer: the self-attention queries of a source "
                          "clip steer the motion of a new video that looks like its own "
                          "prompt.</p><p>Device: %2</p>")
                               .arg(QApplication::applicationVersion(),
                                    deviceText(m_queue->deviceName()))
                           // The build, for bug reports: LibTorch, CUDA, kernels, devices.
                           + tr("<p>Build:</p>")
                           + QStringLiteral("<pre>%1</pre>")
                                 .arg(QString::fromStdString(inferenceBuildInfo())
                                          .toHtmlEscaped()));
}

void MainWindow::reportRefusal(const QString &title, const Result<void> &edit)
{
    if (!edit)
        showError(title, QString::fromStdString(edit.error().message));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message);
    // Non-blocking, so a failure at start-up never stalls the event loop.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showRefusal(const QString &title, const QString &message, const QString &detail)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("refusalBox"));
    box->setInformativeText(detail);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse); // paths and file names to copy
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Motion by Queries Studio").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::onModelLoaded(const ModelInfo &info)
{
    const double n = double(info.parameterCount);
    const QLocale locale;
    const QString count = n >= 1e9 ? tr("%1B").arg(locale.toString(n / 1e9, 'f', 2))
        : n >= 1e6                 ? tr("%1M").arg(locale.toString(n / 1e6, 'f', 0))
                                   : tr("%1k").arg(locale.toString(n / 1e3, 'f', 0));
    m_modelLabel->setText(tr("Model: %1 (%2 layout, %3 parameters)")
                              .arg(QString::fromStdString(info.family),
                                   layoutText(QString::fromStdString(info.layout)), count));
    m_modelLabel->setToolTip(QString::fromStdString(info.folder));
    const QString family = QString::fromStdString(info.family);
    // The project's sizes and frame counts follow this model's rules from now on; values it
    // does not take stay, and the inspector names them.
    m_document->setModelFamily(family);
    if (!info.layers.empty())
        m_injection->setLayers(info.layers, family);
}

void MainWindow::onModelLoadFailed(const QString &message)
{
    m_modelLabel->setText(tr("Model: not loaded"));
    m_modelLabel->setToolTip(message);
    statusBar()->showMessage(message, 10000);
}

void MainWindow::onEngineConfigured(const EngineSettings &settings)
{
    // Stored only now, so a setting the engine refused is never the one the next start uses.
    QSettings store;
    saveEngineSettings(store, settings);
}

void MainWindow::onEngineConfigureFailed(const QString &message)
{
    showError(tr("Preferences not applied"),
              tr("The engine keeps its previous settings: %1").arg(message));
}

QString MainWindow::modelStatusText() const
{
    return m_modelLabel->text();
}

} // namespace mbq
