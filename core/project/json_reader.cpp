#include "core/project/json_reader.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace mbq {

namespace {

struct JsonReaderTr
{
    Q_DECLARE_TR_FUNCTIONS(mbq::JsonReader)
};

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return JsonReaderTr::tr("null");
    case QJsonValue::Bool:
        return JsonReaderTr::tr("a boolean");
    case QJsonValue::Double:
        return JsonReaderTr::tr("a number");
    case QJsonValue::String:
        return JsonReaderTr::tr("a string");
    case QJsonValue::Array:
        return JsonReaderTr::tr("an array");
    case QJsonValue::Object:
        return JsonReaderTr::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return JsonReaderTr::tr("nothing");
}

} // namespace

QString JsonReader::join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString JsonReader::index(const QString &path, int i)
{
    return QStringLiteral("%1[%2]").arg(path).arg(i);
}

bool JsonReader::fail(const QString &path, const QString &problem, ErrorCode code)
{
    return failMessage(path + QLatin1Char(' ') + problem, code);
}

bool JsonReader::failMessage(const QString &message, ErrorCode code)
{
    if (!m_failed) {
        m_failed = true;
        m_error = makeError(code, QStringLiteral("%1: %2").arg(m_fileName, message).toStdString());
    }
    return false;
}

bool JsonReader::lookup(const QJsonObject &object, const QString &key, const QString &path,
                        Presence presence, QJsonValue *out)
{
    const auto it = object.constFind(key);
    if (it == object.constEnd()) {
        if (presence == Required)
            return fail(join(path, key), JsonReaderTr::tr("is missing"));
        return false;
    }
    *out = it.value();
    return true;
}

bool JsonReader::wrongType(const QJsonValue &value, const QString &path, const QString &expected)
{
    return fail(path, JsonReaderTr::tr("must be %1, got %2").arg(expected, typeName(value)));
}

bool JsonReader::objectValue(const QJsonValue &value, const QString &path, QJsonObject *out)
{
    if (!value.isObject())
        return wrongType(value, path, JsonReaderTr::tr("an object"));
    *out = value.toObject();
    return true;
}

bool JsonReader::numberValue(const QJsonValue &value, const QString &path, double *out)
{
    if (!value.isDouble())
        return wrongType(value, path, JsonReaderTr::tr("a number"));
    *out = value.toDouble();
    return true;
}

bool JsonReader::object(const QJsonObject &object, const QString &key, const QString &path,
                        QJsonObject *out, Presence presence)
{
    QJsonValue value;
    if (!lookup(object, key, path, presence, &value))
        return !m_failed;
    return objectValue(value, join(path, key), out);
}

bool JsonReader::array(const QJsonObject &object, const QString &key, const QString &path,
                       QJsonArray *out, Presence presence)
{
    QJsonValue value;
    if (!lookup(object, key, path, presence, &value))
        return !m_failed;
    if (!value.isArray())
        return wrongType(value, join(path, key), JsonReaderTr::tr("an array"));
    *out = value.toArray();
    return true;
}

bool JsonReader::string(const QJsonObject &object, const QString &key, const QString &path,
                        QString *out, Presence presence)
{
    QJsonValue value;
    if (!lookup(object, key, path, presence, &value))
        return !m_failed;
    if (!value.isString())
        return wrongType(value, join(path, key), JsonReaderTr::tr("a string"));
    *out = value.toString();
    return true;
}

bool JsonReader::boolean(const QJsonObject &object, const QString &key, const QString &path,
                         bool *out, Presence presence)
{
    QJsonValue value;
    if (!lookup(object, key, path, presence, &value))
        return !m_failed;
    if (!value.isBool())
        return wrongType(value, join(path, key), JsonReaderTr::tr("true or false"));
    *out = value.toBool();
    return true;
}

bool JsonReader::number(const QJsonObject &object, const QString &key, const QString &path,
                        double *out, Presence presence)
{
    QJsonValue value;
    if (!lookup(object, key, path, presence, &value))
        return !m_failed;
    return numberValue(value, join(path, key), out);
}

bool JsonReader::integer(const QJsonObject &object, const QString &key, const QString &path,
                         int *out, Presence presence)
{
    QJsonValue value;
    if (!lookup(object, key, path, presence, &value))
        return !m_failed;
    const QString at = join(path, key);
    double number = 0.0;
    if (!numberValue(value, at, &number))
        return false;
    if (std::floor(number) != number || number < std::numeric_limits<int>::min()
        || number > std::numeric_limits<int>::max()) {
        return fail(at, JsonReaderTr::tr("must be a whole number, got %1").arg(number));
    }
    *out = int(number);
    return true;
}

bool JsonReader::uint64(const QJsonObject &object, const QString &key, const QString &path,
                        uint64_t *out, Presence presence)
{
    QJsonValue value;
    if (!lookup(object, key, path, presence, &value))
        return !m_failed;
    const QString at = join(path, key);
    constexpr double kExactLimit = 9007199254740992.0; // 2^53
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::floor(number) != number || number < 0.0 || number > kExactLimit) {
            return fail(
                at,
                JsonReaderTr::tr("must be a whole number in [0, 2^53] (write larger values as a "
                                 "string), got %1")
                    .arg(number));
        }
        *out = uint64_t(number);
        return true;
    }
    if (!value.isString())
        return wrongType(value, at, JsonReaderTr::tr("a decimal string"));
    const QString text = value.toString();
    bool ok = !text.isEmpty() && text.size() <= 20;
    for (QChar c : text)
        ok = ok && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    const qulonglong parsed = ok ? text.toULongLong(&ok) : 0;
    if (!ok) {
        return fail(
            at,
            JsonReaderTr::tr("must be a decimal number from 0 to 18446744073709551615, got \"%1\"")
                .arg(text.left(40)));
    }
    *out = parsed;
    return true;
}

} // namespace mbq
