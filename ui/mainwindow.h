#pragma once
// The studio's main window (see EDITOR.md): the compare view in the middle; the inspector, the
// injection panel and the render queue on the right; the timeline and the trade-off and
// per-frame plots at the bottom; every panel a dock whose layout is saved. The window wires
// views to the document, the take runner and the queue; the logic lives in core/.

#include "inference/result.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QTimer;

namespace mbq {

class Autosave;
class CompareView;
class FrameCurvesPlot;
class Inspector;
class InjectionPanel;
class MemoryLabel;
class ProjectDocument;
class RenderQueue;
class RenderProgressIndicator;
class RenderQueueDock;
class ResumeTracker;
class SourcePreviewLoader;
class TakeRunner;
class TimelineModel;
class TimelineView;
class TradeoffPlot;
struct EngineSettings;
struct ModelInfo;
struct SourcePreview;
struct Take;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Hands the engine settings stored in Preferences to the queue's engine (a refusal is
    // reported like one from the dialog).
    MainWindow(ProjectDocument *document, RenderQueue *queue, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Both report failures in the status bar and a non-blocking message box. Opening a project
    // offers to recover an autosaved copy newer than the file.
    bool openDemoProject();
    bool openProject(const QString &path);

    QString modelStatusText() const;
    TakeRunner *takeRunner() const { return m_runner; }
    QString currentTakeId() const { return m_currentTake; }
    // Shows a take in the compare view, the plots and the timeline.
    void showTake(const QString &id);

    // What File → Choose Model Folder, the model manager, File → Set Source Clip and a drop on
    // the timeline do with the artist's pick: it becomes the project's (one undo step) when it
    // is a model folder (checkModelFolder) or a readable clip (checkSourceClip). Otherwise the
    // project is left alone and a dialog says what was looked for and what was found.
    bool setModelFolder(const QString &folder);
    bool setSourceClip(const QString &path);

    // Where autosaved copies go; tests point it at a temporary folder.
    void setAutosaveFolder(const QString &folder);
    // Writes the autosave copy now (the timer does it every minute while modified).
    void autosaveNow();

    // Recovery asks the artist; tests (and scripts) may answer in advance.
    enum class RecoveryAnswer { Ask, Recover, Discard };
    void setRecoveryAnswer(RecoveryAnswer answer) { m_recoveryAnswer = answer; }

protected:
    void closeEvent(QCloseEvent *event) override;
    // The first show keeps the window on its screen (fitFrameOnScreen): only then is its
    // frame, and the screen it opens on, known.
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createDocks();
    void createActions();
    void createToolBar();
    void retranslate();
    void restoreLayout();

    void openFromDialog();
    bool save();
    bool saveAs();
    bool maybeSave(); // false when the artist cancels
    void offerRecovery(const QString &projectPath);
    void addRecentProject(const QString &path);
    void rebuildRecentMenu();
    void chooseModelFolder();
    void chooseSourceClip();
    void loadProjectModel();
    void render();
    void preview();
    void sweep();
    void exportTake();
    void showModelManager();
    void showPreferences();
    void showAbout();
    void showError(const QString &title, const QString &message);
    // A window-modal dialog for a pick refused at the door: `message` (what was looked for)
    // and `detail` (what was found) in full, not a status line that is cut off and vanishes.
    void showRefusal(const QString &title, const QString &message, const QString &detail);
    // Shows why the document refused an edit the artist asked for; nothing when it succeeded.
    void reportRefusal(const QString &title, const Result<void> &edit);

    void projectLoaded();
    void documentChanged(int aspect);
    void refreshTakes();
    void updateTitle();
    void onModelLoaded(const ModelInfo &info);
    void onModelLoadFailed(const QString &message);
    void onEngineConfigured(const EngineSettings &settings);
    void onEngineConfigureFailed(const QString &message);
    void onSourcePreview(const SourcePreview &preview);
    void onTakeFinished(const QString &id, int state);
    void takeContextMenu(const QString &id, const QPoint &globalPos);
    void useTakeAsSource(const QString &id);

    ProjectDocument *m_document;
    RenderQueue *m_queue;
    TakeRunner *m_runner;
    ResumeTracker *m_resume;
    TimelineModel *m_timelineModel;
    SourcePreviewLoader *m_sourceLoader;
    std::unique_ptr<Autosave> m_autosave;
    QTimer *m_autosaveTimer;
    RecoveryAnswer m_recoveryAnswer = RecoveryAnswer::Ask;

    CompareView *m_compare;
    Inspector *m_inspector;
    InjectionPanel *m_injection;
    TimelineView *m_timeline;
    TradeoffPlot *m_tradeoff;
    FrameCurvesPlot *m_curves;
    RenderQueueDock *m_queueDock;
    RenderProgressIndicator *m_progress;
    QLabel *m_deviceLabel;
    MemoryLabel *m_memoryLabel;
    QLabel *m_modelLabel;
    QLabel *m_staleLabel;
    QMenu *m_recentMenu = nullptr;
    QString m_currentTake;
    bool m_placed = false; // kept on screen at the first show
};

} // namespace mbq
