#include "ui/mainwindow.h"

#include "core/project/project_document.h"
#include "core/project/render_request.h"
#include "core/render/render_queue.h"
#include "ui/project/project_summary_view.h"
#include "ui/queue/render_queue_dock.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStatusBar>
#include <QUndoStack>

namespace mbq {
namespace {

const char *kProjectFilter = QT_TRANSLATE_NOOP("mbq::MainWindow",
                                               "mbq projects (*.mbqproj);;All files (*)");

} // namespace

MainWindow::MainWindow(ProjectDocument *document, RenderQueue *queue, QWidget *parent)
    : QMainWindow(parent)
    , m_document(document)
    , m_queue(queue)
    , m_summary(new ProjectSummaryView)
    , m_queueDock(new RenderQueueDock(queue, this))
    , m_deviceLabel(new QLabel(this))
    , m_modelLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_summary);
    setCentralWidget(scroll);

    m_queueDock->setObjectName(QStringLiteral("renderQueueDock"));
    addDockWidget(Qt::RightDockWidgetArea, m_queueDock);

    m_deviceLabel->setObjectName(QStringLiteral("deviceLabel"));
    m_modelLabel->setObjectName(QStringLiteral("modelLabel"));
    m_deviceLabel->setText(tr("Device: starting…"));
    statusBar()->addPermanentWidget(m_modelLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);

    createActions();

    connect(m_document, &ProjectDocument::changed, this, [this](ProjectDocument::Aspect aspect) {
        m_summary->showProject(m_document->data());
        if (aspect == ProjectDocument::Aspect::ModelFolder)
            loadProjectModel();
    });
    connect(m_document, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_queue, &RenderQueue::deviceNameChanged, this,
            [this](const QString &name) { m_deviceLabel->setText(tr("Device: %1").arg(name)); });
    if (!m_queue->deviceName().isEmpty())
        m_deviceLabel->setText(tr("Device: %1").arg(m_queue->deviceName()));
    connect(m_queue, &RenderQueue::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(m_queue, &RenderQueue::modelLoadFailed, this, &MainWindow::onModelLoadFailed);

    resize(1200, 760);
    updateTitle();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::openFromDialog);
    open->setShortcut(QKeySequence::Open);
    QAction *demo = file->addAction(tr("Open &Demo Project"), this, [this] {
        if (maybeSave())
            openDemoProject();
    });
    demo->setObjectName(QStringLiteral("openDemoAction"));
    file->addSeparator();
    QAction *model = file->addAction(tr("Choose &Model Folder…"), this,
                                     &MainWindow::chooseModelFolder);
    model->setObjectName(QStringLiteral("chooseModelAction"));
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setObjectName(QStringLiteral("saveAction"));
    QAction *saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(tr("Ctrl+Shift+Z"))});
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *renderMenu = menuBar()->addMenu(tr("&Render"));
    QAction *renderAction = renderMenu->addAction(tr("&Render"), this, &MainWindow::render);
    renderAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    renderAction->setObjectName(QStringLiteral("renderAction"));
    renderMenu->addSeparator();
    renderMenu->addAction(m_queueDock->cancelAction());
    renderMenu->addAction(m_queueDock->retryAction());
    renderMenu->addAction(m_queueDock->clearFinishedAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_queueDock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Motion by Queries Studio"), this, &MainWindow::showAbout);
}

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
    projectLoaded();
    return true;
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
    if (auto saved = m_document->saveAs(path); !saved) {
        showError(tr("Cannot save project"), QString::fromStdString(saved.error().message));
        return false;
    }
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
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::render()
{
    const RenderParameters &parameters = m_document->data().parameters;
    const quint64 id = m_queue->enqueue(renderLabelFor(parameters), renderRequestFor(parameters));
    statusBar()->showMessage(tr("Queued render %1").arg(id), 4000);
    m_queueDock->show();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Motion by Queries Studio"),
                       tr("<p><b>Motion by Queries Studio</b> %1</p>"
                          "<p>Zero-shot motion transfer: the self-attention queries of a source "
                          "clip steer the motion of a new video that looks like its own "
                          "prompt.</p><p>Device: %2</p>")
                           .arg(QApplication::applicationVersion(), m_queue->deviceName()));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message);
    // Non-blocking, so a failure at start-up never stalls the event loop.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::projectLoaded()
{
    m_summary->showProject(m_document->data());
    updateTitle();
    loadProjectModel();
}

void MainWindow::chooseModelFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Choose Model Folder"),
        m_document->resolvedPath(m_document->data().modelFolder));
    if (!folder.isEmpty())
        m_document->setModelFolder(folder); // undoable; the change reloads the model
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

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Motion by Queries Studio").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::onModelLoaded(const ModelInfo &info)
{
    const double n = double(info.parameterCount);
    const QString count = n >= 1e9 ? tr("%1B").arg(n / 1e9, 0, 'f', 2)
        : n >= 1e6                 ? tr("%1M").arg(n / 1e6, 0, 'f', 0)
                                   : tr("%1k").arg(n / 1e3, 0, 'f', 0);
    m_modelLabel->setText(tr("Model: %1 (%2 layout, %3 parameters)")
                              .arg(QString::fromStdString(info.family),
                                   QString::fromStdString(info.layout), count));
    m_modelLabel->setToolTip(QString::fromStdString(info.folder));
}

void MainWindow::onModelLoadFailed(const QString &message)
{
    m_modelLabel->setText(tr("Model: not loaded"));
    m_modelLabel->setToolTip(message);
    statusBar()->showMessage(message, 10000);
}

QString MainWindow::modelStatusText() const
{
    return m_modelLabel->text();
}

} // namespace mbq
