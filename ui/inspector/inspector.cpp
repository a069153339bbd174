#include "ui/inspector/inspector.h"

#include "core/project/project_document.h"
#include "ui/inspector/prompt_edit.h"
#include "ui/inspector/seed_validator.h"
#include "ui/inspector/snapping.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>
#include <vector>

namespace mbq {
namespace {

constexpr Sampler kSamplers[] = {Sampler::UniPC, Sampler::Euler, Sampler::DDIM};

QSpinBox *spinBox(int minimum, int maximum, int step, const char *name)
{
    auto *box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setSingleStep(step);
    box->setKeyboardTracking(false); // commit a typed number once, not per digit
    box->setObjectName(QLatin1String(name));
    return box;
}

// A prompt field with its warning line under it; the field takes the focus for both.
QWidget *withWarning(PromptEdit *prompt, QLabel *warning)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(prompt);
    layout->addWidget(warning);
    box->setFocusProxy(prompt);
    warning->setWordWrap(true);
    warning->hide();
    return box;
}

QDoubleSpinBox *doubleSpinBox(double minimum, double maximum, double step, const char *name)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(minimum, maximum);
    box->setSingleStep(step);
    box->setDecimals(2);
    box->setKeyboardTracking(false);
    box->setObjectName(QLatin1String(name));
    return box;
}

} // namespace

Inspector::Inspector(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_targetPrompt(new PromptEdit([document](const QString &t) { document->setTargetPrompt(t); }))
    , m_negativePrompt(
              new PromptEdit([document](const QString &t) { document->setNegativePrompt(t); }))
    , m_sourcePrompt(
              new PromptEdit([document](const QString &t) { document->setSourcePrompt(t); }))
    , m_promptFit(new PromptFitChecker(this))
    , m_promptWarnings{new QLabel, new QLabel, new QLabel}
    , m_seed(new QLineEdit)
    , m_seedLock(new QToolButton)
    , m_randomise(new QToolButton)
    , m_width(spinBox(16, 4096, 16, "width"))
    , m_height(spinBox(16, 4096, 16, "height"))
    , m_frames(spinBox(1, 1001, 4, "frames"))
    , m_fps(doubleSpinBox(1.0, 120.0, 1.0, "fps"))
    , m_steps(spinBox(1, 1000, 1, "steps"))
    , m_guidance(doubleSpinBox(0.0, 30.0, 0.5, "guidance"))
    , m_shift(doubleSpinBox(0.0, 20.0, 0.5, "shift"))
    , m_sampler(new QComboBox)
    , m_note(new QLabel)
{
    setObjectName(QStringLiteral("inspector"));
    m_targetPrompt->setObjectName(QStringLiteral("targetPromptEdit"));
    m_negativePrompt->setObjectName(QStringLiteral("negativePromptEdit"));
    m_sourcePrompt->setObjectName(QStringLiteral("sourcePromptEdit"));
    m_promptWarnings[PromptFitChecker::Target]->setObjectName(
            QStringLiteral("targetPromptWarning"));
    m_promptWarnings[PromptFitChecker::Negative]->setObjectName(
            QStringLiteral("negativePromptWarning"));
    m_promptWarnings[PromptFitChecker::Source]->setObjectName(
            QStringLiteral("sourcePromptWarning"));
    connect(m_promptFit, &PromptFitChecker::fitChanged, this, &Inspector::showPromptWarning);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setValidator(new SeedValidator(SeedValidator::Empty::Refused, m_seed));
    m_seedLock->setObjectName(QStringLiteral("seedLock"));
    m_seedLock->setCheckable(true);
    m_randomise->setObjectName(QStringLiteral("randomiseSeed"));
    m_sampler->setObjectName(QStringLiteral("sampler"));
    for (Sampler sampler : kSamplers)
        m_sampler->addItem(QString::fromLatin1(samplerName(sampler)), int(sampler));
    m_note->setObjectName(QStringLiteral("snapNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);

    buildForm();
    retranslate();
    showNote({});

    connect(m_seed, &QLineEdit::editingFinished, this, &Inspector::commitSeed);
    connect(m_seedLock, &QToolButton::toggled, this,
            [this](bool locked) { m_document->setSeedLocked(locked); });
    connect(m_randomise, &QToolButton::clicked, this, &Inspector::randomiseSeed);
    connect(m_width, &QSpinBox::valueChanged, this, &Inspector::commitSize);
    connect(m_height, &QSpinBox::valueChanged, this, &Inspector::commitSize);
    connect(m_frames, &QSpinBox::valueChanged, this, &Inspector::commitFrames);
    const auto commitPlain = [this] {
        GenerationSettings s = m_document->data().parameters.settings;
        s.fps = m_fps->value();
        s.steps = m_steps->value();
        s.guidance = m_guidance->value();
        s.shift = m_shift->value();
        s.sampler = Sampler(m_sampler->currentData().toInt());
        commitSettings(s);
    };
    connect(m_fps, &QDoubleSpinBox::valueChanged, this, commitPlain);
    connect(m_steps, &QSpinBox::valueChanged, this, commitPlain);
    connect(m_guidance, &QDoubleSpinBox::valueChanged, this, commitPlain);
    connect(m_shift, &QDoubleSpinBox::valueChanged, this, commitPlain);
    connect(m_sampler, &QComboBox::currentIndexChanged, this, commitPlain);

    connect(m_document, &ProjectDocument::changed, this, [this](ProjectDocument::Aspect aspect) {
        if (aspect != ProjectDocument::Aspect::Schedule && aspect != ProjectDocument::Aspect::Takes)
            refresh();
    });
    refresh();
}

void Inspector::buildForm()
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [&](QWidget *field) {
        auto *label = new QLabel;
        label->setBuddy(field);
        m_labels << label;
        form->addRow(label, field);
    };
    const auto row = [](std::initializer_list<QWidget *> widgets) {
        auto *box = new QWidget;
        auto *layout = new QHBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        for (QWidget *w : widgets)
            layout->addWidget(w);
        return box;
    };
    addRow(withWarning(m_targetPrompt, m_promptWarnings[PromptFitChecker::Target]));
    addRow(withWarning(m_negativePrompt, m_promptWarnings[PromptFitChecker::Negative]));
    addRow(withWarning(m_sourcePrompt, m_promptWarnings[PromptFitChecker::Source]));
    addRow(row({m_seed, m_seedLock, m_randomise}));
    auto *times = new QLabel(QStringLiteral("×"));
    addRow(row({m_width, times, m_height}));
    addRow(row({m_frames, m_fps}));
    addRow(row({m_steps, m_sampler}));
    addRow(row({m_guidance, m_shift}));
    form->addRow(m_note);
}

void Inspector::retranslate()
{
    const QStringList labels = {tr("&Target prompt"), tr("&Negative"),   tr("S&ource prompt"),
                                tr("S&eed"),          tr("&Size"),       tr("&Frames / fps"),
                                tr("S&teps / sampler"), tr("&Guidance / shift")};
    for (int i = 0; i < m_labels.size() && i < labels.size(); ++i)
        m_labels[i]->setText(labels[i]);
    m_targetPrompt->setPlaceholderText(tr("What the new clip shows"));
    m_negativePrompt->setPlaceholderText(tr("What to avoid"));
    m_sourcePrompt->setPlaceholderText(tr("Empty by default: the source pass runs unprompted"));
    m_seedLock->setText(tr("Lock"));
    m_seedLock->setToolTip(tr("A locked seed is kept when you ask for a new variation"));
    m_randomise->setText(tr("Randomise"));
    m_randomise->setToolTip(tr("Pick a new random seed"));
    m_fps->setSuffix(tr(" fps"));
    m_steps->setToolTip(tr("Denoising steps"));
    m_guidance->setToolTip(tr("Classifier-free guidance scale"));
    m_shift->setToolTip(tr("Flow-matching shift of the noise schedule"));
    for (int field = 0; field < PromptFitChecker::FieldCount; ++field)
        showPromptWarning(PromptFitChecker::Field(field));
}

QString Inspector::promptWarning(PromptFitChecker::Field field) const
{
    return m_promptFit->warning(field);
}

void Inspector::showPromptWarning(PromptFitChecker::Field field)
{
    QLabel *label = m_promptWarnings[size_t(field)];
    const QString warning = m_promptFit->warning(field);
    label->setText(warning.isEmpty() ? QString() : QStringLiteral("⚠ ") + warning);
    label->setVisible(!warning.isEmpty());
}

void Inspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void Inspector::refresh()
{
    const ProjectData &data = m_document->data();
    if (data.modelFamily != m_family)
        followFamily(data.modelFamily);
    const RenderParameters &p = data.parameters;
    m_targetPrompt->showText(p.targetPrompt());
    m_negativePrompt->showText(p.negativePrompt);
    m_sourcePrompt->showText(p.sourcePrompt);
    m_promptFit->setModel(m_document->resolvedPath(data.modelFolder), data.modelFamily);
    m_promptFit->check(PromptFitChecker::Target, p.targetPrompt());
    m_promptFit->check(PromptFitChecker::Negative, p.negativePrompt);
    m_promptFit->check(PromptFitChecker::Source, p.sourcePrompt);

    const GenerationSettings &s = p.settings;
    const QList<QWidget *> fields = {m_seed,  m_seedLock, m_width, m_height,   m_frames,
                                     m_fps,   m_steps,    m_shift, m_guidance, m_sampler};
    std::vector<QSignalBlocker> blockers;
    for (QWidget *field : fields)
        blockers.emplace_back(field);
    if (!m_seed->hasFocus())
        m_seed->setText(QString::number(s.seed));
    m_seedLock->setChecked(data.seedLocked);
    m_randomise->setEnabled(!data.seedLocked);
    m_width->setValue(s.width);
    m_height->setValue(s.height);
    m_frames->setValue(s.frames);
    m_fps->setValue(s.fps);
    m_steps->setValue(s.steps);
    m_guidance->setValue(s.guidance);
    m_shift->setValue(s.shift);
    m_sampler->setCurrentIndex(m_sampler->findData(int(s.sampler)));
    updateNote(); // an undo or another project may bring values the family does not take
}

void Inspector::commitSeed()
{
    bool ok = false;
    const qulonglong seed = m_seed->text().toULongLong(&ok);
    if (ok)
        m_document->setSeed(seed);
    else
        refresh();
}

void Inspector::randomiseSeed()
{
    // Kept below 2^53 so the seed survives any JSON reader that parses numbers as doubles.
    m_document->setSeed(QRandomGenerator::global()->bounded(quint64(1) << 53));
}

void Inspector::commitSize()
{
    GenerationSettings s = m_document->data().parameters.settings;
    const Snapped width = snapSize(m_width->value(), tr("Width"), m_rules);
    const Snapped height = snapSize(m_height->value(), tr("Height"), m_rules);
    s.width = width.value;
    s.height = height.value;
    commitSettings(s);
    QStringList notes;
    for (const QString &note : {width.note, height.note}) {
        if (!note.isEmpty())
            notes << note;
    }
    if (!notes.isEmpty())
        showNote(notes.join(QLatin1Char('\n')));
}

void Inspector::commitFrames()
{
    GenerationSettings s = m_document->data().parameters.settings;
    const Snapped frames = snapFrames(m_frames->value(), m_rules);
    s.frames = frames.value;
    commitSettings(s);
    if (!frames.note.isEmpty())
        showNote(frames.note);
}

void Inspector::commitSettings(const GenerationSettings &settings)
{
    showNote({});
    if (auto edited = m_document->setSettings(settings); !edited)
        showNote(QString::fromStdString(edited.error().message));
    refresh(); // shows the snapped or, after a refusal, the unchanged values
}

void Inspector::showNote(const QString &note)
{
    m_editNote = note;
    updateNote();
}

void Inspector::updateNote()
{
    QStringList notes;
    for (const QString &note : {m_editNote, misfitNote()}) {
        if (!note.isEmpty())
            notes << note;
    }
    m_note->setText(notes.join(QLatin1Char('\n')));
    m_note->setVisible(!notes.isEmpty());
}

QString Inspector::noteText() const
{
    return m_note->text();
}

void Inspector::followFamily(const QString &family)
{
    m_family = family;
    m_rules = rulesFor(family.toStdString());
    // The arrows step through valid values (the minimum stays, so a small size already in the
    // project is shown as it is, with the note below).
    m_width->setSingleStep(m_rules.sizeMultiple);
    m_height->setSingleStep(m_rules.sizeMultiple);
    m_frames->setSingleStep(m_rules.frameStep);
    m_editNote.clear(); // it spoke of the previous family's rules
}

// The current values this model would refuse, so a model switch never leaves a render to fail
// unexplained.
QString Inspector::misfitNote() const
{
    const auto nearest = [](int below, int above) {
        return below == above ? QString::number(below) : tr("%1 or %2").arg(below).arg(above);
    };
    const GenerationSettings &s = m_document->data().parameters.settings;
    const std::pair<QString, int> sizes[] = {{tr("Width"), s.width}, {tr("Height"), s.height}};
    QStringList notes;
    for (const auto &[field, value] : sizes) {
        if (!m_rules.sizeValid(value))
            notes << tr("%1 %2 does not suit this model, which takes multiples of %3; nearest "
                        "valid: %4")
                         .arg(field)
                         .arg(value)
                         .arg(m_rules.sizeMultiple)
                         .arg(nearest(m_rules.sizeBelow(value), m_rules.sizeAbove(value)));
    }
    if (!m_rules.framesValid(s.frames))
        notes << tr("%1 frames do not suit this model, which takes %2n+%3 frames; nearest "
                    "valid: %4")
                     .arg(s.frames)
                     .arg(m_rules.frameStep)
                     .arg(m_rules.frameOffset)
                     .arg(nearest(m_rules.framesBelow(s.frames), m_rules.framesAbove(s.frames)));
    return notes.join(QLatin1Char('\n'));
}

} // namespace mbq
