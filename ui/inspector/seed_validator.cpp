#include "ui/inspector/seed_validator.h"

namespace mbq {

SeedValidator::SeedValidator(Empty empty, QObject *parent)
    : QValidator(parent)
    , m_empty(empty)
{}

QValidator::State SeedValidator::validate(QString &input, int &) const
{
    if (input.isEmpty())
        return m_empty == Empty::Allowed ? Acceptable : Intermediate;
    for (QChar c : input) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return Invalid;
    }
    bool ok = false;
    input.toULongLong(&ok);
    return ok ? Acceptable : Invalid;
}

} // namespace mbq
