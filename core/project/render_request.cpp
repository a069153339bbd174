#include "core/project/render_request.h"

#include <QCoreApplication>

namespace mbq {

RenderRequest renderRequestFor(const RenderParameters &parameters)
{
    RenderRequest request;
    request.prompt = parameters.targetPrompt().toStdString();
    request.negativePrompt = parameters.negativePrompt.toStdString();
    request.sourcePrompt = parameters.sourcePrompt.toStdString();
    // The engine takes it for lockstep only; other extractions never see it.
    if (parameters.schedule.extraction == ExtractionMode::Lockstep)
        request.sourceSeed = parameters.sourceSeed;
    request.settings = parameters.settings;
    request.injection = parameters.schedule;
    return request;
}

QString renderLabelFor(const RenderParameters &parameters, int maxChars)
{
    const QString prompt = parameters.targetPrompt().simplified();
    if (prompt.isEmpty())
        return QCoreApplication::translate("mbq::RenderRequest", "(no prompt)");
    if (prompt.size() <= maxChars)
        return prompt;
    // Cut at a word boundary when there is one in the second half.
    int cut = prompt.lastIndexOf(QLatin1Char(' '), maxChars - 1);
    if (cut < maxChars / 2)
        cut = maxChars - 1;
    return prompt.left(cut) + QChar(0x2026);
}

} // namespace mbq
