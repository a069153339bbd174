#pragma once
// ResumeTracker: from which denoising step a Render would start if the artist pressed it now.
// The engine keeps the trajectory of finished renders and resumes a new one after the last step
// whose key is unchanged (inference/trajectory_key.h). This mirrors that promise for the editor:
// it compares what Render would submit with the request of the most recent take that succeeded
// with the current model folder and source clip, and reports how many leading steps they share.
//
// Takes do not record the model or source they were made with, so the tracker notes both the
// first time it sees a take: a render records its take at once, and a take loaded with a
// project is taken to be the project's.

#include "core/project/project_document.h"

#include <QHash>
#include <QObject>

namespace mbq {

class ResumeTracker : public QObject
{
    Q_OBJECT

public:
    explicit ResumeTracker(ProjectDocument *document, QObject *parent = nullptr);

    // The step a Render would resume from, or -1 when it would start from the beginning: no
    // such take, or not even the first step is shared.
    int resumeStep() const { return m_resumeStep; }

signals:
    void resumeStepChanged(int step);

private:
    struct Origin
    {
        QString modelFolder;
        QString sourceClip;
        bool operator==(const Origin &o) const
        {
            return modelFolder == o.modelFolder && sourceClip == o.sourceClip;
        }
        bool operator!=(const Origin &o) const { return !(*this == o); }
    };

    Origin currentOrigin() const;
    void noteNewTakes();
    void update();

    ProjectDocument *m_document;
    QHash<QString, Origin> m_origins; // by takeKey()
    int m_resumeStep = -1;
};

} // namespace mbq
