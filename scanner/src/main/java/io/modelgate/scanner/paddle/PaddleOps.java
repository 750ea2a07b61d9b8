package io.modelgate.scanner.paddle;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Paddle operator types by what running them does beyond computing (from framework.proto's OpDesc and the
 * operator registry): Python callbacks, file access through a path attribute, network endpoints, and the
 * operators of exported inference and training programs that only compute.
 */
final class PaddleOps {

    enum Risk { PYTHON, FILE, NETWORK, COMPUTE, UNKNOWN }

    /** Operators that read or write a file, with the attribute holding its path. */
    static final Map<String, String> FILE_OPS = Map.ofEntries(
            Map.entry("save", "file_path"), Map.entry("load", "file_path"), Map.entry("save_combine", "file_path"),
            Map.entry("load_combine", "file_path"), Map.entry("recv_save", "file_path"),
            Map.entry("sparse_tensor_load", "file_path"), Map.entry("read_file", "filename"),
            Map.entry("checkpoint_notify", "dirname"), Map.entry("create_recordio_file_reader", "filename"),
            Map.entry("open_files", "file_names"));

    private static final Set<String> PYTHON = Set.of("py_func");

    private static final Set<String> NETWORK = Set.of("listen_and_serv", "fl_listen_and_serv",
            "heter_listen_and_serv", "send", "recv", "send_barrier", "fetch_barrier", "send_and_recv", "prefetch",
            "gen_nccl_id", "c_gen_nccl_id", "c_gen_bkcl_id", "c_gen_hccl_id", "c_gen_xccl_id", "gen_bkcl_id",
            "gen_hccl_id", "distributed_lookup_table", "distributed_push_sparse", "ref_by_trainer_id",
            "lookup_sparse_table_read", "lookup_sparse_table_write", "lookup_sparse_table_fuse_adam",
            "lookup_sparse_table_fuse_sgd", "push_dense", "pull_sparse", "pull_sparse_v2", "push_sparse",
            "push_sparse_v2", "pull_box_sparse", "push_box_sparse", "pull_gpups_sparse", "push_gpups_sparse");

    /** Computing operators of exported programs (inference and training), by exact name. */
    private static final Set<String> COMPUTE = Set.of(
            "feed", "fetch", "fetch_v2", "scale", "sum", "assign", "assign_value", "fill_constant",
            "fill_constant_batch_size_like", "fill_any_like", "fill_zeros_like", "fill_any", "full_like", "shape",
            "range", "linspace", "logspace", "cast", "conv2d", "depthwise_conv2d", "conv2d_transpose",
            "depthwise_conv2d_transpose", "conv3d", "conv3d_transpose", "deformable_conv", "deformable_conv_v1",
            "pool2d", "pool3d", "max_pool2d_with_index", "max_pool3d_with_index", "unpool", "spp", "lrn",
            "batch_norm", "sync_batch_norm", "layer_norm", "instance_norm", "group_norm", "data_norm", "rms_norm",
            "affine_channel", "affine_grid", "grid_sampler", "relu", "relu6", "leaky_relu", "sigmoid", "tanh",
            "gelu", "swish", "hard_swish", "hard_sigmoid", "softmax", "log_softmax", "elu", "selu", "celu", "mish",
            "silu", "softplus", "softsign", "prelu", "brelu", "hard_shrink", "softshrink", "tanh_shrink",
            "thresholded_relu", "logsigmoid", "stanh", "maxout", "swiglu", "elementwise_add", "elementwise_sub",
            "elementwise_mul", "elementwise_div", "elementwise_pow", "elementwise_max", "elementwise_min",
            "elementwise_mod", "elementwise_floordiv", "elementwise_fmax", "elementwise_fmin", "elementwise_heaviside",
            "matmul", "matmul_v2", "mul", "fc", "bmm", "dot", "kron", "cross", "einsum", "reshape", "reshape2",
            "transpose", "transpose2", "concat", "split", "slice", "strided_slice", "squeeze", "squeeze2", "unsqueeze",
            "unsqueeze2", "flatten", "flatten2", "flatten_contiguous_range", "stack", "unstack", "unbind", "gather",
            "gather_nd", "gather_tree", "scatter", "scatter_nd_add", "lookup_table", "lookup_table_v2", "c_embedding",
            "dropout", "arg_max", "arg_min", "argsort", "top_k", "top_k_v2", "kthvalue", "mode", "reduce_sum",
            "reduce_mean", "reduce_max", "reduce_min", "reduce_prod", "reduce_all", "reduce_any", "reduce_amax",
            "reduce_amin", "mean", "max", "min", "maximum", "minimum", "sqrt", "rsqrt", "exp", "expm1", "log",
            "log1p", "log2", "log10", "abs", "pow", "square", "clip", "clip_by_norm", "floor", "ceil", "round",
            "trunc", "sign", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "asinh", "acosh",
            "atanh", "erf", "erfinv", "reciprocal", "logsumexp", "logit", "digamma", "lgamma", "isfinite", "isfinite_v2",
            "isnan", "isnan_v2", "isinf", "isinf_v2", "squared_l2_norm", "p_norm", "norm", "renorm", "dist",
            "expand", "expand_v2", "expand_as", "expand_as_v2", "tile", "broadcast_tensors", "pad", "pad2d", "pad3d",
            "pad_constant_like", "crop", "crop_tensor", "bilinear_interp", "bilinear_interp_v2", "nearest_interp",
            "nearest_interp_v2", "linear_interp", "linear_interp_v2", "bicubic_interp", "bicubic_interp_v2",
            "trilinear_interp", "trilinear_interp_v2", "pixel_shuffle", "pixel_unshuffle", "shuffle_channel",
            "channel_shuffle", "temporal_shift", "equal", "not_equal", "less_than", "less_equal", "greater_than",
            "greater_equal", "equal_all", "allclose", "isclose", "logical_and", "logical_or", "logical_not",
            "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not", "where", "where_index",
            "masked_select", "index_select", "index_sample", "index_add", "index_put", "take_along_axis",
            "put_along_axis", "searchsorted", "bincount", "histogram", "unique", "unique_consecutive", "sort",
            "cumsum", "cumprod", "flip", "roll", "tril_triu", "tril_indices", "triu_indices", "diag", "diag_v2",
            "diag_embed", "diagonal", "eye", "meshgrid", "one_hot", "one_hot_v2", "size", "numel", "set_value",
            "share_data", "share_buffer", "multiplex", "repeat_interleave", "label_smooth", "while",
            "conditional_block", "conditional_block_infer", "select_input", "select_output", "increment",
            "array_to_lod_tensor", "lod_tensor_to_array", "write_to_array", "read_from_array",
            "tensor_array_to_tensor", "lod_array_length", "max_sequence_len", "lod_rank_table", "lod_reset",
            "split_lod_tensor", "merge_lod_tensor", "shrink_rnn_memory", "reorder_lod_tensor_by_rank",
            "sequence_pool", "sequence_conv", "sequence_expand", "sequence_expand_as", "sequence_mask",
            "sequence_softmax", "sequence_reshape", "sequence_pad", "sequence_unpad", "sequence_concat",
            "sequence_slice", "sequence_reverse", "sequence_enumerate", "sequence_erase", "sequence_scatter",
            "im2sequence", "row_conv", "lstm", "lstmp", "gru", "gru_unit", "lstm_unit", "rnn", "cudnn_lstm",
            "beam_search", "beam_search_decode", "crf_decoding", "linear_chain_crf", "ctc_align", "warpctc",
            "edit_distance", "chunk_eval", "softmax_with_cross_entropy", "cross_entropy", "cross_entropy2",
            "sigmoid_cross_entropy_with_logits", "bce_loss", "huber_loss", "smooth_l1_loss", "log_loss",
            "kldiv_loss", "margin_rank_loss", "rank_loss", "hinge_loss", "nll_loss", "accuracy", "auc",
            "precision_recall", "mean_iou", "hierarchical_sigmoid", "nce", "sample_logits", "prior_box",
            "density_prior_box", "anchor_generator", "box_coder", "box_clip", "box_decoder_and_assign", "iou_similarity",
            "bipartite_match", "target_assign", "mine_hard_examples", "multiclass_nms", "multiclass_nms2",
            "multiclass_nms3", "matrix_nms", "locality_aware_nms", "retinanet_detection_output", "yolo_box",
            "yolo_box_head", "yolo_box_post", "yolov3_loss", "roi_align", "roi_pool", "psroi_pool", "prroi_pool",
            "generate_proposals", "generate_proposals_v2", "generate_proposal_labels", "generate_mask_labels",
            "distribute_fpn_proposals", "collect_fpn_proposals", "polygon_box_transform", "detection_map",
            "sigmoid_focal_loss", "correlation", "roi_perspective_transform", "uniform_random",
            "uniform_random_batch_size_like", "gaussian_random", "gaussian_random_batch_size_like",
            "truncated_gaussian_random", "randint", "randperm", "bernoulli", "multinomial", "sampling_id",
            "top_p_sampling", "seed", "dequantize_linear", "quantize_linear", "quantize", "dequantize", "requantize",
            "dequantize_abs_max", "dequantize_log", "moving_average_abs_max_scale", "quant_linear",
            "weight_only_linear", "weight_quantize", "weight_dequantize", "llm_int8_linear", "multihead_matmul",
            "skip_layernorm", "flash_attn", "memory_efficient_attention", "variable_length_memory_efficient_attention",
            "masked_multihead_attention", "block_multihead_attention", "c_allreduce_sum", "c_allreduce_max",
            "c_allreduce_min", "c_allreduce_prod", "c_allgather", "c_broadcast", "c_concat", "c_split", "c_identity",
            "c_reduce_sum", "c_reducescatter", "c_sync_calc_stream", "c_sync_comm_stream",
            "c_softmax_with_cross_entropy", "mp_allreduce_sum", "partial_sum", "partial_concat", "partial_allgather",
            "partial_send", "partial_recv", "alltoall", "barrier", "memcpy", "memcpy_h2d", "memcpy_d2h", "depend",
            "coalesce_tensor", "nop", "print", "get_tensor_from_selected_rows", "merge_selected_rows",
            "lookup_table_dequant", "shard_index", "assign_pos", "number_count", "limit_by_capacity",
            "prune_gate_by_capacity", "random_routing", "segment_pool", "graph_send_recv", "graph_send_ue_recv",
            "graph_send_uv", "graph_sample_neighbors", "graph_khop_sampler", "graph_reindex", "complex", "real",
            "imag", "angle", "conj", "as_complex", "as_real", "fft_c2c", "fft_r2c", "fft_c2r", "stft", "frame",
            "overlap_add", "lu", "lu_unpack", "qr", "svd", "eig", "eigh", "eigvals", "eigvalsh", "cholesky",
            "cholesky_solve", "inverse", "matrix_power", "matrix_rank", "determinant", "slogdeterminant",
            "triangular_solve", "solve", "lstsq", "fill_diagonal", "fill_diagonal_tensor", "empty", "l1_norm",
            "squared_l2_distance", "cos_sim", "bilinear_tensor_product", "conv_shift", "spectral_norm", "inplace_abn",
            "lookup_table_v2_grad", "sgd", "momentum", "adam", "adamw", "lamb", "rmsprop", "adagrad", "adadelta",
            "adamax", "lars_momentum", "merged_adam", "merged_momentum", "check_finite_and_unscale",
            "update_loss_scaling", "fill_constant_", "clip_by_global_norm", "share_lod", "assign_value_",
            "fake_init", "delete_var", "pylayer", "cinn_launch", "tensorrt_engine", "lite_engine", "feed_list",
            "fetch_list");

    /** Prefixes of Paddle's own fused, quantisation, backward and device-specific kernels. */
    private static final java.util.List<String> COMPUTE_PREFIXES = java.util.List.of("fused_", "fusion_", "fake_",
            "fc_", "conv2d_", "squeeze_excitation", "embedding_", "elementwise_");
    private static final java.util.List<String> COMPUTE_SUFFIXES = java.util.List.of("_grad", "_grad_grad", "_xpu",
            "_mkldnn", "_onednn", "_int8", "_");

    private PaddleOps() {
    }

    static Risk of(String type) {
        if (PYTHON.contains(type)) {
            return Risk.PYTHON;
        }
        if (FILE_OPS.containsKey(type)) {
            return Risk.FILE;
        }
        if (NETWORK.contains(type)) {
            return Risk.NETWORK;
        }
        if (COMPUTE.contains(type) || COMPUTE_PREFIXES.stream().anyMatch(type::startsWith)
                || COMPUTE_SUFFIXES.stream().anyMatch(s -> type.endsWith(s) && COMPUTE.contains(
                        type.substring(0, type.length() - s.length())))) {
            return Risk.COMPUTE;
        }
        return Risk.UNKNOWN;
    }

    static Optional<String> pathAttribute(String type) {
        return Optional.ofNullable(FILE_OPS.get(type));
    }
}
