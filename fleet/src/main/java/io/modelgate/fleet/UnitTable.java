package io.modelgate.fleet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/** The Parquet schema of the per-unit table and the conversion of {@link UnitRow} to and from Spark rows. */
public final class UnitTable {

    private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);

    /** Column names in snake case, in the order of {@link UnitRow}'s components. */
    public static final StructType SCHEMA = new StructType(new StructField[]{
            field("path", DataTypes.StringType, false),
            field("digest", DataTypes.StringType, true),
            field("content_digest", DataTypes.StringType, true),
            field("models", DataTypes.IntegerType, false),
            field("family", DataTypes.StringType, true),
            field("publisher", DataTypes.StringType, true),
            field("country", DataTypes.StringType, true),
            field("base_chain", STRINGS, false),
            field("license", DataTypes.StringType, true),
            field("signature", DataTypes.StringType, true),
            field("decision", DataTypes.StringType, false),
            field("reasons", STRINGS, false),
            field("incomplete", DataTypes.BooleanType, false),
            field("incomplete_reasons", STRINGS, false),
            field("findings_critical", DataTypes.IntegerType, false),
            field("findings_high", DataTypes.IntegerType, false),
            field("findings_medium", DataTypes.IntegerType, false),
            field("findings_low", DataTypes.IntegerType, false),
            field("findings_info", DataTypes.IntegerType, false),
            field("bytes", DataTypes.LongType, false),
            field("files", DataTypes.IntegerType, false),
            field("digest_ms", DataTypes.LongType, false),
            field("scan_ms", DataTypes.LongType, false),
            field("total_ms", DataTypes.LongType, false),
            field("reused", DataTypes.BooleanType, false),
            field("bom", DataTypes.StringType, true),
            field("tool_version", DataTypes.StringType, true),
            field("policy_version", DataTypes.StringType, true),
    });

    private UnitTable() {
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    public static Row toRow(UnitRow u) {
        return RowFactory.create(u.path(), u.digest(), u.contentDigest(), u.models(), u.family(), u.publisher(),
                u.country(), array(u.baseChain()), u.license(), u.signature(), u.decision(), array(u.reasons()),
                u.incomplete(), array(u.incompleteReasons()), u.critical(), u.high(), u.medium(), u.low(), u.info(),
                u.bytes(), u.files(), u.digestMillis(), u.scanMillis(), u.totalMillis(), u.reused(), u.bom(),
                u.toolVersion(), u.policyVersion());
    }

    public static UnitRow fromRow(Row r) {
        return new UnitRow(r.getString(0), r.getString(1), r.getString(2), r.getInt(3), r.getString(4),
                r.getString(5), r.getString(6), r.getList(7), r.getString(8), r.getString(9), r.getString(10),
                r.getList(11), r.getBoolean(12), r.getList(13), r.getInt(14), r.getInt(15), r.getInt(16),
                r.getInt(17), r.getInt(18), r.getLong(19), r.getInt(20), r.getLong(21), r.getLong(22),
                r.getLong(23), r.getBoolean(24), r.getString(25), r.getString(26), r.getString(27));
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }
}
