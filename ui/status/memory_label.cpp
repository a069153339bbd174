#include "ui/status/memory_label.h"

#include <QEvent>
#include <QLocale>

namespace mbq {
namespace {

QString gigabytes(int64_t bytes)
{
    return QLocale().toString(double(bytes) / 1e9, 'f', 1);
}

} // namespace

MemoryLabel::MemoryLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("memoryLabel"));
    hide();
}

void MemoryLabel::showMemory(const MemoryReadout &memory)
{
    m_memory = memory;
    retranslate();
    setVisible(memory.capacity > 0);
}

void MemoryLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QLabel::changeEvent(event);
}

void MemoryLabel::retranslate()
{
    const MemoryReadout &m = m_memory;
    setText((m.gpu ? tr("GPU %1 / %2 GB") : tr("RAM %1 / %2 GB"))
                .arg(gigabytes(m.inUse), gigabytes(m.capacity)));
    setToolTip(m.gpu ? tr("GPU memory held by the engine now, of the device's total; at most %1 GB "
                          "during the last render")
                           .arg(gigabytes(m.peak))
                     : tr("Memory of the studio's process now, of the machine's total; at most "
                          "%1 GB during the last render")
                           .arg(gigabytes(m.peak)));
}

} // namespace mbq
