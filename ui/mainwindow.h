#pragma once
// The studio's main window: menus, the project view, the render queue dock and a status bar
// with the compute device and the model's state. It only wires views to the document and the
// queue; the logic lives in core/.

#include <QMainWindow>

class QLabel;

namespace mbq {

class ProjectDocument;
class ProjectSummaryView;
class RenderQueue;
class RenderQueueDock;
struct ModelInfo;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ProjectDocument *document, RenderQueue *queue, QWidget *parent = nullptr);

    // Both report failures in the status bar and a non-blocking message box.
    bool openDemoProject();
    bool openProject(const QString &path);

    QString modelStatusText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void openFromDialog();
    bool save();
    bool saveAs();
    // Asks to save a modified project; false when the artist cancels.
    bool maybeSave();
    void chooseModelFolder();
    // Asks the render thread to load the project's model folder, if it names one.
    void loadProjectModel();
    void render();
    void showAbout();
    void showError(const QString &title, const QString &message);

    void projectLoaded();
    void updateTitle();
    void onModelLoaded(const ModelInfo &info);
    void onModelLoadFailed(const QString &message);

    ProjectDocument *m_document;
    RenderQueue *m_queue;
    ProjectSummaryView *m_summary;
    RenderQueueDock *m_queueDock;
    QLabel *m_deviceLabel;
    QLabel *m_modelLabel;
};

} // namespace mbq
