#pragma once
// The open project: owns the ProjectData, its undo history and its file. Views read data() and
// refresh on changed(); every edit goes through one of the setters below, each of which pushes
// an undo command, so the history is complete and the modified state is the undo stack's.

#include "core/project/project_data.h"
#include "inference/result.h"

#include <QObject>
#include <QUndoStack>

#include <vector>

namespace mbq {

template<typename T> class SetFieldCommand;
class InsertTakeCommand;
class RemoveTakeCommand;

class ProjectDocument : public QObject
{
    Q_OBJECT

public:
    // What changed, so a view can skip work that does not concern it.
    enum class Aspect {
        SourceClip,
        ModelFolder,
        ModelFamily, // the rules sizes and frame counts follow
        Prompts, // shots (including the target prompt), negative and source prompts
        Settings, // generation settings, seed and seed lock
        Schedule,
        Takes,
        All, // a new project was loaded, or several aspects changed at once
    };
    Q_ENUM(Aspect)

    // The demo project compiled into mbq-studio.
    static QString demoResourcePath() { return QStringLiteral(":/demo/demo.mbqproj"); }

    explicit ProjectDocument(QObject *parent = nullptr);

    const ProjectData &data() const { return m_data; }
    QUndoStack *undoStack() { return &m_undoStack; }

    QString filePath() const { return m_filePath; } // absolute; empty while untitled
    bool isUntitled() const { return m_filePath.isEmpty(); }
    QString displayName() const;
    // Unsaved edits (the undo stack is not clean) or unsaved render results (recordTake).
    bool isModified() const { return !m_undoStack.isClean() || m_unsavedResults; }

    // `path` as an absolute path, resolving a relative one against the project's folder; empty
    // when it is relative and the project has no file yet.
    QString resolvedPath(const QString &path) const;

    // Whole-document operations: they replace the content and clear the undo history.
    void newProject(const ProjectData &data = ProjectData());
    Result<void> open(const QString &path);
    // Opens the demo (or another template) as an untitled document: saving asks for a path.
    Result<void> openDemo(const QString &path = demoResourcePath());
    // Fails for an untitled document; the caller asks for a path and uses saveAs().
    Result<void> save();
    Result<void> saveAs(const QString &path);
    // Replaces the content with an autosaved copy of the project at `projectPath` ("" for an
    // untitled one); the document keeps that path and counts as modified until saved.
    Result<void> recover(const QString &copyPath, const QString &projectPath);

    // Edits. Each pushes one undo command; an edit to the current value pushes nothing; an
    // invalid value is refused with an error and pushes nothing. Consecutive edits of the same
    // continuous value (typing a prompt, dragging a slider) merge into one undo step, until
    // endMerging().
    //
    // Ends the run of merging edits: the next edit of the same value is a new undo step. Views
    // call it when the gesture behind a run ends (a drag is released), so two drags of the
    // same handle are two steps.
    void endMerging() { ++m_mergeRun; }
    void setTargetPrompt(const QString &prompt);
    void setNegativePrompt(const QString &prompt);
    void setSourcePrompt(const QString &prompt);
    void setSeed(uint64_t seed);
    void setSeedLocked(bool locked);
    Result<void> setSettings(const GenerationSettings &settings);

    Result<void> setLayerWeight(const QString &layer, float weight);
    // Empty = every head at the layer weight; otherwise one factor in [0, 1] per head.
    Result<void> setHeadWeights(const QString &layer, const std::vector<float> &weights);
    Result<void> setStepRange(int begin, int end);
    void setInjectionMode(InjectionMode mode);
    Result<void> setExtraction(ExtractionMode mode, float timestep);
    // Lockstep: the seed the source clip was rendered from; nullopt = invert the clip.
    void setSourceSeed(std::optional<uint64_t> seed);
    // One undo step: the take's video becomes the source clip, its prompt the source prompt,
    // and its seed the source seed where lockstep can retrace it (motionSourceSeed). Refused
    // for a take without a finished video.
    Result<void> useTakeAsSource(const QString &id);
    void setGuidanceBranches(GuidanceBranches branches);
    void setTokenMask(const std::vector<uint8_t> &mask);
    // Replaces the whole schedule, e.g. with a preset.
    Result<void> setSchedule(const InjectionSchedule &schedule);

    void setSourceClip(const QString &path);
    void setModelFolder(const QString &path);
    // Records the family of the model the studio loaded for the project ("wan2.1",
    // "videocrafter2", "fake"); edits of sizes and frame counts follow its rules from now on.
    // Current values it does not take are kept as they are (see settings_rules.h). A fact about
    // the model folder, not an edit: it bypasses the history (undoing it would leave the document
    // disagreeing with the loaded model) and marks nothing modified, as it is learnt again on
    // every load. Undoing a folder change restores the family that went with the old folder.
    void setModelFamily(const QString &family);

    Result<void> insertShot(int index, const Shot &shot);
    Result<void> removeShot(int index); // the last shot cannot be removed
    Result<void> editShot(int index, const Shot &shot);

    // An id not used by any take yet, e.g. "take-4".
    QString newTakeId() const;
    Result<void> addTake(const Take &take); // appended; its id must be new
    Result<void> removeTake(const QString &id);
    Result<void> renameTake(const QString &id, const QString &label);
    // Replaces the take with the same id (state, outputs and metrics as a render finishes).
    Result<void> updateTake(const Take &take);
    // Records what a render did to its take (a new take, its state, files and metrics): facts,
    // not edits, so they bypass the undo history — Ctrl+Z after a render undoes the artist's
    // last edit, not the render's completion. Inserts the take when its id is new.
    void recordTake(const Take &take);
    // Makes a take's frozen parameters the current ones ("re-open as current settings").
    Result<void> useTakeParameters(const QString &id);

signals:
    void changed(mbq::ProjectDocument::Aspect aspect);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    template<class T> friend class SetFieldCommand;
    friend class InsertTakeCommand;
    friend class RemoveTakeCommand;

    // For the commands only: the data they edit and the notification they send.
    ProjectData &mutableData() { return m_data; }
    void notify(Aspect aspect) { emit changed(aspect); }

    void replaceContent(ProjectData data, const QString &filePath);
    void setFilePath(const QString &path);
    void setUnsavedResults(bool unsaved);
    Result<void> editLayer(const QString &layer, const LayerInjection &edited, int mergeId,
                           const QString &text);

    ProjectData m_data;
    QString m_filePath;
    QUndoStack m_undoStack;
    bool m_unsavedResults = false;
    quint64 m_mergeRun = 0; // edits merge only within one run
};

} // namespace mbq
