#include "ui/inspector/prompt_fit.h"

#include "inference/vc2_tools.h"
#include "inference/wan_tools.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>

namespace mbq {
namespace {

constexpr int kSettleMs = 400; // after the last keystroke: tokenizers load their vocabulary

} // namespace

std::optional<PromptFit> fitPrompt(const QString &folder, const QString &family,
                                   const QString &prompt)
{
    if (folder.isEmpty() || prompt.isEmpty())
        return std::nullopt;
    const std::string text = prompt.toStdString();
    if (family == QLatin1String("wan2.1")) {
        auto tokens = wanTokenize(folder.toStdString(), text);
        if (!tokens)
            return std::nullopt;
        PromptFit fit;
        fit.limit = int(tokens->ids.size());
        fit.tokens = int(tokens->length);
        fit.cut = tokens->truncated;
        fit.full = fit.cut || fit.tokens >= fit.limit;
        return fit;
    }
    if (family == QLatin1String("videocrafter2") || family == QLatin1String("t2v-turbo-v2")) {
        auto ids = vc2Tokenize(folder.toStdString(), text);
        if (!ids)
            return std::nullopt;
        // Padded with zeros after the end mark; no padding means every slot is taken, and the
        // tokenizer cuts silently past them.
        PromptFit fit;
        fit.limit = int(ids->size());
        fit.tokens = int(std::find(ids->begin() + 1, ids->end(), 0) - ids->begin());
        fit.full = fit.tokens >= fit.limit;
        return fit;
    }
    return std::nullopt;
}

QString promptFitWarning(const PromptFit &fit)
{
    if (fit.cut)
        return QCoreApplication::translate("mbq::PromptFit",
                                           "This prompt is longer than the %1 tokens the model "
                                           "reads: the rest is cut.")
            .arg(fit.limit);
    if (fit.full)
        return QCoreApplication::translate(
                   "mbq::PromptFit",
                   "This prompt fills all %1 tokens the model reads: anything longer is cut.")
            .arg(fit.limit);
    return {};
}

PromptFitChecker::PromptFitChecker(QObject *parent)
    : QObject(parent)
{
    for (int i = 0; i < FieldCount; ++i) {
        State &state = m_fields[size_t(i)];
        state.timer = new QTimer(this);
        state.timer->setSingleShot(true);
        state.timer->setInterval(kSettleMs);
        connect(state.timer, &QTimer::timeout, this, [this, i] { start(Field(i)); });
    }
}

void PromptFitChecker::setModel(const QString &folder, const QString &family)
{
    if (folder == m_folder && family == m_family)
        return;
    m_folder = folder;
    m_family = family;
    // Every prompt again, for the new model's tokenizer.
    for (int i = 0; i < FieldCount; ++i) {
        State &state = m_fields[size_t(i)];
        state.checked.clear();
        if (!state.pending.isEmpty())
            state.timer->start();
    }
}

void PromptFitChecker::check(Field field, const QString &prompt)
{
    State &state = m_fields[size_t(field)];
    if (prompt == state.pending && (prompt == state.checked || state.timer->isActive()))
        return;
    state.pending = prompt;
    state.timer->start();
}

void PromptFitChecker::start(Field field)
{
    State &state = m_fields[size_t(field)];
    const quint64 generation = ++state.generation;
    const QString folder = m_folder;
    const QString family = m_family;
    const QString prompt = state.pending;
    state.checked = prompt;
    QPointer<PromptFitChecker> self(this);
    QThreadPool::globalInstance()->start([=] {
        const std::optional<PromptFit> fit = fitPrompt(folder, family, prompt);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, field, generation, fit] {
                if (self)
                    self->finish(field, generation, fit);
            },
            Qt::QueuedConnection);
    });
}

QString PromptFitChecker::warning(Field field) const
{
    const std::optional<PromptFit> &fit = m_fields[size_t(field)].fit;
    return fit ? promptFitWarning(*fit) : QString();
}

void PromptFitChecker::finish(Field field, quint64 generation, const std::optional<PromptFit> &fit)
{
    State &state = m_fields[size_t(field)];
    if (generation != state.generation)
        return;
    state.fit = fit;
    emit fitChanged(field);
}

} // namespace mbq
