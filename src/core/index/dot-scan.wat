;; The vector scan's inner loop in WebAssembly SIMD (compiled into dot-scan-wasm.ts by `npm run wasm`).
;; scores[i] = the dot product of vector i with the query, computed exactly as vector-scan.ts's
;; JavaScript loop does, so both give the same float64 bit for bit: four lanes s0..s3 over the
;; dimensions 4j..4j+3 (float32 × float64 products summed in float64, two lanes per f64x2), the
;; dimensions past the last multiple of four added to s0, the score ((s0 + s1) + s2) + s3.
;; Memory layout (chosen by the caller): the query as `dims` float64 at $query, the vectors as
;; `count` × `dims` float32 at $vectors, the scores written as `count` float64 at $scores.
(module
  (memory (import "scan" "memory") 1)
  (func (export "scores") (param $vectors i32) (param $count i32) (param $dims i32) (param $query i32) (param $scores i32)
    (local $end i32) (local $lanesEnd i32) (local $p i32) (local $q i32)
    (local $low v128) (local $high v128) (local $v v128) (local $s0 f64)
    (local.set $end (i32.add (local.get $scores) (i32.shl (local.get $count) (i32.const 3))))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $scores) (local.get $end)))
        ;; $low holds (s0, s1), $high (s2, s3).
        (local.set $low (v128.const f64x2 0 0))
        (local.set $high (v128.const f64x2 0 0))
        (local.set $p (local.get $vectors))
        (local.set $q (local.get $query))
        (local.set $lanesEnd (i32.add (local.get $vectors) (i32.shl (i32.and (local.get $dims) (i32.const -4)) (i32.const 2))))
        (block $lanesDone
          (loop $lanes
            (br_if $lanesDone (i32.ge_u (local.get $p) (local.get $lanesEnd)))
            (local.set $v (v128.load (local.get $p)))
            (local.set $low
              (f64x2.add (local.get $low) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v)) (v128.load (local.get $q)))))
            ;; The upper two float32 moved down, then widened.
            (local.set $high
              (f64x2.add (local.get $high)
                (f64x2.mul
                  (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))
                  (v128.load offset=16 (local.get $q)))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (i32.const 32)))
            (br $lanes)))
        (local.set $s0 (f64x2.extract_lane 0 (local.get $low)))
        (local.set $lanesEnd (i32.add (local.get $vectors) (i32.shl (local.get $dims) (i32.const 2))))
        (block $restDone
          (loop $rest
            (br_if $restDone (i32.ge_u (local.get $p) (local.get $lanesEnd)))
            (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.promote_f32 (f32.load (local.get $p))) (f64.load (local.get $q)))))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br $rest)))
        (f64.store (local.get $scores)
          (f64.add
            (f64.add (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $low))) (f64x2.extract_lane 0 (local.get $high)))
            (f64x2.extract_lane 1 (local.get $high))))
        (local.set $vectors (local.get $lanesEnd))
        (local.set $scores (i32.add (local.get $scores) (i32.const 8)))
        (br $vector)))))
