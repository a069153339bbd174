#pragma once
// Loads the source clip's conform plan and filmstrip on a short-lived thread, so a slow disk or
// a large file never stalls the editor. Only the newest request's answer is delivered.

#include "core/media/source_preview.h"

#include <QObject>

#include <vector>

class QThread;

namespace mbq {

class SourcePreviewLoader : public QObject
{
    Q_OBJECT

public:
    explicit SourcePreviewLoader(QObject *parent = nullptr);
    ~SourcePreviewLoader() override; // waits for loads still running (they are short)

    void request(const QString &path, const GenerationSettings &settings);

signals:
    void loaded(const mbq::SourcePreview &preview);

private:
    quint64 m_generation = 0;
    std::vector<QThread *> m_threads;
};

} // namespace mbq

Q_DECLARE_METATYPE(mbq::SourcePreview)
